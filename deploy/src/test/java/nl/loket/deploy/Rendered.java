package nl.loket.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The objects an overlay renders to: {@code kubectl kustomize deploy/k8s/overlays/<name>}, parsed into plain maps.
 * Rendered once per test JVM and overlay.
 */
final class Rendered {

    static final List<String> OVERLAYS = List.of("dev", "prod");
    static final Path K8S = Path.of(System.getProperty("loket.deploy.k8s", "k8s")).toAbsolutePath().normalize();
    static final Path REPO = Path.of(System.getProperty("loket.repo.root", "..")).toAbsolutePath().normalize();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Map<String, List<Map<String, Object>>> CACHE = new ConcurrentHashMap<>();

    private Rendered() {
    }

    static List<Map<String, Object>> overlay(String overlay) {
        return CACHE.computeIfAbsent(overlay, o -> parse(kustomize(K8S.resolve("overlays").resolve(o))));
    }

    static String kustomize(Path dir) {
        Path kubectl = kubectl();
        try {
            File err = File.createTempFile("kustomize", ".err");
            err.deleteOnExit();
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString())
                    .redirectError(err).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + dir + " did not finish within 120 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed (exit " + process.exitValue() + "): "
                        + Files.readString(err.toPath()));
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("could not run " + kubectl + " kustomize " + dir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while rendering " + dir, e);
        }
    }

    /** kubectl from $KUBECTL, /usr/bin/kubectl or the PATH; a clear failure when it is not installed. */
    static Path kubectl() {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("KUBECTL");
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        }
        candidates.add(Path.of("/usr/bin/kubectl"));
        String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                candidates.add(Path.of(dir, "kubectl"));
            }
        }
        return firstExecutable(candidates);
    }

    static Path firstExecutable(List<Path> candidates) {
        return candidates.stream().filter(Files::isExecutable).findFirst().orElseThrow(() -> new AssertionError(
                "kubectl is not installed (looked at $KUBECTL, /usr/bin/kubectl and the PATH). The deploy tests render "
                        + "deploy/k8s with `kubectl kustomize`: install kubectl (the project's .ci/run does) and run again."));
    }

    static List<Map<String, Object>> parse(String yaml) {
        try (var parser = YAML.getFactory().createParser(yaml)) {
            List<Map<String, Object>> docs = YAML.readValues(parser, new TypeReference<Map<String, Object>>() {
            }).readAll();
            return docs.stream().filter(Objects::nonNull).toList();
        } catch (IOException e) {
            throw new AssertionError("kustomize output is not YAML: " + e.getMessage(), e);
        }
    }

    // ---- navigation helpers over plain maps -------------------------------------------------------------------

    static Stream<Map<String, Object>> ofKind(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind")));
    }

    static Map<String, Object> one(List<Map<String, Object>> objects, String kind, String name) {
        return ofKind(objects, kind).filter(o -> name.equals(name(o))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in the rendered overlay"));
    }

    static String name(Map<String, Object> object) {
        return (String) map(object, "metadata").get("name");
    }

    static String namespace(Map<String, Object> object) {
        return (String) map(object, "metadata").get("namespace");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String... path) {
        Object value = at(node, path);
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, String... path) {
        Object value = at(node, path);
        return value == null ? List.of() : (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object node, String... path) {
        return (List<Map<String, Object>>) (List<?>) list(node, path);
    }

    static String string(Object node, String... path) {
        Object value = at(node, path);
        return value == null ? null : String.valueOf(value);
    }

    static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> deepCopy(Map<String, Object> object) {
        try {
            return YAML.readValue(YAML.writeValueAsBytes(object), Map.class);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The pod spec's first (only) container of a Deployment. */
    static Map<String, Object> container(Map<String, Object> deployment) {
        return maps(deployment, "spec", "template", "spec", "containers").get(0);
    }
}
