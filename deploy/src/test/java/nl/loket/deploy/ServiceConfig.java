package nl.loket.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's {@code src/main/resources/application.properties}, read as a file from the sibling module (the deploy
 * module does not depend on the services). Profile-specific keys ({@code %dev.}, {@code %test.}) do not reach a
 * cluster; the effective production configuration is the default keys overridden by {@code %prod.} keys.
 */
final class ServiceConfig {

    /** The services, as {@link ServiceList} names them. */
    static final List<String> SERVICES = ServiceList.names();

    /** A SmallRye Kafka channel as production would run it. */
    record KafkaChannel(String name, boolean incoming, String topic, boolean pattern, String groupId,
            String deadLetterTopic) {
    }

    private static final Pattern CHANNEL_KEY = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.(.+)");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    final String service;
    final Path file;
    /** Every key of the file with its profile prefix removed. */
    final Set<String> keys;
    /** The effective production configuration. */
    final Map<String, String> prod;
    /** The effective dev-mode configuration (what ./loket and a developer's machine run). */
    final Map<String, String> dev;

    private ServiceConfig(String service, Path file, Set<String> keys, Map<String, String> prod,
            Map<String, String> dev) {
        this.service = service;
        this.file = file;
        this.keys = keys;
        this.prod = prod;
        this.dev = dev;
    }

    static Path file(String service) {
        return Rendered.REPO.resolve(service).resolve("src/main/resources/application.properties");
    }

    /** Empty while the service module has no application.properties yet. */
    static Optional<ServiceConfig> load(String service) {
        return load(service, file(service));
    }

    static Optional<ServiceConfig> load(String service, Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        Set<String> keys = new LinkedHashSet<>();
        Map<String, String> prod = new TreeMap<>();
        Map<String, String> prodOverrides = new LinkedHashMap<>();
        Map<String, String> devOverrides = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key);
            if (key.startsWith("%")) {
                int dot = key.indexOf('.');
                String profiles = key.substring(1, dot);
                String bare = key.substring(dot + 1);
                keys.add(bare);
                if (List.of(profiles.split(",")).contains("prod")) {
                    prodOverrides.put(bare, value);
                }
                if (List.of(profiles.split(",")).contains("dev")) {
                    devOverrides.put(bare, value);
                }
            } else {
                keys.add(key);
                prod.put(key, value);
            }
        }
        Map<String, String> dev = new TreeMap<>(prod);
        prod.putAll(prodOverrides);
        dev.putAll(devOverrides);
        return Optional.of(new ServiceConfig(service, file, keys, prod, dev));
    }

    String applicationName() {
        return prod.getOrDefault("quarkus.application.name", service);
    }

    /** Kafka channels (every channel whose connector is smallrye-kafka, explicitly or as the only connector). */
    List<KafkaChannel> kafkaChannels() {
        Map<String, Map<String, String>> byChannel = new TreeMap<>();
        Map<String, Boolean> incoming = new TreeMap<>();
        prod.forEach((key, value) -> {
            Matcher m = CHANNEL_KEY.matcher(key);
            if (m.matches()) {
                byChannel.computeIfAbsent(m.group(2), c -> new TreeMap<>()).put(m.group(3), value);
                incoming.put(m.group(2), m.group(1).equals("incoming"));
            }
        });
        List<KafkaChannel> channels = new ArrayList<>();
        byChannel.forEach((name, props) -> {
            String connector = props.getOrDefault("connector", "smallrye-kafka");
            if (!connector.equals("smallrye-kafka")) {
                return;
            }
            // "topics" (a comma-separated list) takes precedence over "topic", which defaults to the channel name.
            String topic = resolve(props.getOrDefault("topics", props.getOrDefault("topic", name)));
            boolean pattern = Boolean.parseBoolean(props.getOrDefault("pattern", "false"));
            String group = resolve(props.getOrDefault("group.id",
                    prod.getOrDefault("kafka.group.id", applicationName())));
            String dlq = null;
            if ("dead-letter-queue".equals(props.get("failure-strategy"))) {
                dlq = resolve(props.getOrDefault("dead-letter-queue.topic", "dead-letter-topic-" + name));
            }
            channels.add(new KafkaChannel(name, incoming.get(name), topic, pattern, group, dlq));
        });
        return channels;
    }

    /**
     * Resolves ${key} and ${key:default} from the file itself; an expression that only the runtime can resolve
     * (a pod name, a random id) is left in place so that callers can treat the text before it as a prefix.
     */
    String resolve(String value) {
        Matcher m = EXPRESSION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = prod.get(m.group(1));
            if (replacement == null) {
                replacement = m.group(2) != null && !isRuntimeOnly(m.group(1)) ? m.group(2) : m.group(0);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean isRuntimeOnly(String key) {
        String k = key.toUpperCase(Locale.ROOT);
        return k.contains("HOSTNAME") || k.contains("POD") || k.contains("UUID") || k.contains("RANDOM");
    }

    /** Whether an environment variable name maps to a key of this file (MicroProfile Config's env var rule). */
    boolean hasKeyForEnv(String envName) {
        return keys.stream().anyMatch(key -> toEnvName(key).equals(envName));
    }

    static String toEnvName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
