package nl.loket.platform.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Keycloak as the local OpenID provider: the {@code keycloak-quarkus-dist} zip from Maven Central (unpacked by the
 * local-platform build into {@code local-platform/target/keycloak/}), run with {@code kc.sh start-dev} on a JDK 21+
 * (Temurin 25 at {@value #DEFAULT_JAVA_HOME}, or {@code $LOKET_KEYCLOAK_JAVA_HOME}), realm {@value #REALM} imported
 * from {@code keycloak/loket-realm.json} (LOCAL ONLY: its passwords and client secrets are for this machine).
 *
 * <p>Each instance has a Keycloak home of its own under {@code <state dir>/keycloak}: {@code bin} and {@code conf}
 * copied, {@code lib}, {@code themes} and {@code providers} linked to the unpacked distribution, {@code data} its
 * own. The data (the dev-file database) is kept between starts while the realm file is unchanged (a start then
 * skips the import and is ~10 s faster, see local-platform/README.md); a changed realm file or {@code fresh} throws
 * it away. The first start after a build augments the distribution for dev mode (~35 s once); a file lock keeps two
 * platforms from doing that at the same time.
 */
public final class LocalKeycloak implements AutoCloseable {

    public static final String REALM = "loket";
    public static final int DEFAULT_PORT = 8180;
    public static final int DEFAULT_MANAGEMENT_PORT = 9180;
    public static final String JAVA_HOME_ENV = "LOKET_KEYCLOAK_JAVA_HOME";
    public static final String DEFAULT_JAVA_HOME = "/usr/lib/jvm/temurin-25-jdk-amd64";
    /** An unpacked Keycloak distribution to use instead of local-platform/target/keycloak/keycloak-*. */
    public static final String DISTRIBUTION_ENV = "LOKET_KEYCLOAK_DIST";
    public static final String ADMIN_ENV = "LOKET_KEYCLOAK_ADMIN";
    public static final String ADMIN_PASSWORD_ENV = "LOKET_KEYCLOAK_ADMIN_PASSWORD";
    /** LOCAL ONLY: the bootstrap admin of the master realm of the local Keycloak. */
    static final String LOCAL_ADMIN = "admin";
    static final String LOCAL_ADMIN_PASSWORD = "admin-local-secret";
    public static final String REALM_RESOURCE = "keycloak/loket-realm.json";
    public static final Duration START_TIMEOUT = Duration.ofSeconds(300);

    private static final Object START_LOCK = new Object();

    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path log;

    private LocalKeycloak(Process process, int port, int managementPort, Path log) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    /**
     * Starts Keycloak and waits until the realm's discovery document answers.
     *
     * @param repo     the repository (for local-platform/target/keycloak)
     * @param stateDir the platform's state directory: Keycloak's home is {@code <stateDir>/keycloak}, its log
     *                 {@code <stateDir>/logs/keycloak.log}, its PID {@code <stateDir>/pids/keycloak.pid}
     * @param fresh    throw the kept data away (re-import the realm)
     */
    public static LocalKeycloak start(Path repo, Path stateDir, int port, int managementPort, boolean fresh) throws Exception {
        Path javaHome = javaHome();
        Path distribution = distribution(repo);
        Path home = stateDir.resolve("keycloak").toAbsolutePath();
        Path log = stateDir.resolve("logs").resolve("keycloak.log");
        Files.createDirectories(log.getParent());
        prepareHome(distribution, home, fresh);

        // through sh: the zip's file modes need not survive the unpacking
        List<String> command = new ArrayList<>(List.of("/bin/sh", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port, "--http-management-port=" + managementPort, "--import-realm",
                "--health-enabled=true", "--hostname=http://localhost:" + port));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().remove("JAVA_OPTS");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", adminUser());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword());

        // the first start after a build augments the shared distribution: one at a time, in this JVM and across
        synchronized (START_LOCK) {
            Path lockFile = distribution.resolveSibling(".loket-start.lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                Process process = builder.start();
                LocalKeycloak keycloak = new LocalKeycloak(process, port, managementPort, log);
                Path pids = stateDir.resolve("pids");
                Files.createDirectories(pids);
                Files.writeString(pids.resolve("keycloak.pid"), Long.toString(process.pid()));
                try {
                    keycloak.awaitDiscovery(START_TIMEOUT);
                } catch (Exception | Error e) {
                    keycloak.close();
                    throw e;
                }
                // kc.sh waits for Keycloak's JVM: the PID that ./loket down kills, should the launcher die, is the JVM's
                Optional<ProcessHandle> jvm = process.descendants().filter(p -> p.info().command().orElse("").endsWith("/java")).findFirst();
                if (jvm.isPresent()) {
                    Files.writeString(pids.resolve("keycloak.pid"), Long.toString(jvm.get().pid()));
                }
                return keycloak;
            }
        }
    }

    /** The issuer of the realm's tokens, {@code http://localhost:<port>/realms/loket}. */
    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public int managementPort() {
        return managementPort;
    }

    public Path log() {
        return log;
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** Tokens of this instance. */
    public LocalTokens tokens() {
        return new LocalTokens(baseUrl());
    }

    private void awaitDiscovery(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500); // polling a starting process; nothing to await but its port
        }
        throw new IllegalStateException("Keycloak: " + discovery + " did not answer within " + timeout + "; see " + log);
    }

    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy(); // kc.sh forwards SIGTERM to Keycloak's JVM
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    // ---- set-up ----

    static Path javaHome() {
        String configured = System.getenv(JAVA_HOME_ENV);
        Path home = Path.of(configured != null && !configured.isBlank() ? configured : DEFAULT_JAVA_HOME);
        if (!Files.isExecutable(home.resolve("bin/java"))) {
            throw new IllegalStateException("Keycloak needs a JDK 21 or later: no " + home.resolve("bin/java")
                    + (configured == null ? " (Temurin 25 expected there)" : "") + "; set " + JAVA_HOME_ENV
                    + " to a JDK 21+ home");
        }
        return home;
    }

    static Path distribution(Path repo) throws IOException {
        String configured = System.getenv(DISTRIBUTION_ENV);
        if (configured != null && !configured.isBlank()) {
            Path dist = Path.of(configured).toAbsolutePath();
            if (!Files.isRegularFile(dist.resolve("bin/kc.sh"))) {
                throw new IllegalStateException(DISTRIBUTION_ENV + "=" + dist + " is not an unpacked Keycloak distribution");
            }
            return dist;
        }
        Path unpacked = repo.resolve("local-platform/target/keycloak").toAbsolutePath().normalize();
        if (Files.isDirectory(unpacked)) {
            try (Stream<Path> dirs = Files.list(unpacked)) {
                List<Path> found = dirs.filter(d -> Files.isRegularFile(d.resolve("bin/kc.sh"))).sorted().toList();
                if (!found.isEmpty()) {
                    return found.get(found.size() - 1);
                }
            }
        }
        throw new IllegalStateException("No Keycloak distribution in " + unpacked
                + ": build local-platform first (./mvnw -pl local-platform -am -DskipTests package)");
    }

    /** bin and conf copied, lib/themes/providers linked, data kept unless the realm file changed or fresh. */
    static void prepareHome(Path distribution, Path home, boolean fresh) throws IOException {
        Path marker = home.resolve(".distribution");
        String previous = Files.exists(marker) ? Files.readString(marker) : "";
        if (!previous.equals(distribution.toString())) {
            deleteRecursively(home);
        }
        Files.createDirectories(home);
        for (String linked : List.of("lib", "themes", "providers")) {
            Path link = home.resolve(linked);
            if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(link, distribution.resolve(linked));
            }
        }
        for (String copied : List.of("bin", "conf")) {
            if (!Files.exists(home.resolve(copied))) {
                copyRecursively(distribution.resolve(copied), home.resolve(copied));
            }
        }
        Files.writeString(marker, distribution.toString());

        byte[] realm = realmFile();
        String hash = sha256(realm);
        Path data = home.resolve("data");
        Path hashFile = data.resolve(".realm-sha256");
        if (fresh || !Files.exists(hashFile) || !Files.readString(hashFile).equals(hash)) {
            deleteRecursively(data);
        }
        Files.createDirectories(data.resolve("import"));
        Files.write(data.resolve("import").resolve("loket-realm.json"), realm);
        Files.writeString(hashFile, hash);
    }

    static byte[] realmFile() throws IOException {
        try (InputStream in = LocalKeycloak.class.getClassLoader().getResourceAsStream(REALM_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(REALM_RESOURCE + " is not on the classpath");
            }
            return in.readAllBytes();
        }
    }

    static String adminUser() {
        String user = System.getenv(ADMIN_ENV);
        return user != null && !user.isBlank() ? user : LOCAL_ADMIN;
    }

    static String adminPassword() {
        String password = System.getenv(ADMIN_PASSWORD_ENV);
        return password != null && !password.isBlank() ? password : LOCAL_ADMIN_PASSWORD;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        // links (lib, themes, providers) are removed, never followed
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
