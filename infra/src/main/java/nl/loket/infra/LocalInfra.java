package nl.loket.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import nl.loket.infra.kafka.DeclaredTopics;
import nl.loket.infra.kafka.LocalKafka;
import nl.loket.infra.postgres.LocalPostgres;

/**
 * Runs the local platform's infrastructure in the foreground: a real Kafka broker (KRaft) and a real PostgreSQL
 * with one database per service. Stops both cleanly on SIGTERM/SIGINT.
 *
 * <pre>
 * java -cp … nl.loket.infra.LocalInfra --kafka-port 9092 --postgres-port 15432 --state-dir ~/.local/state/loket \
 *      --databases intake,routing,knowledge,chainteam,metrics
 * </pre>
 * Prints {@code READY kafka=… postgres=…} once both accept connections.
 */
public final class LocalInfra {

    private LocalInfra() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (Exception e) {
            // the broker's non-daemon threads would keep a failed launcher alive
            System.err.println("Could not start: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        int kafkaPort = 9092;
        int postgresPort = 15432;
        Path stateDir = Path.of(System.getProperty("java.io.tmpdir"), "loket");
        List<String> databases = List.of("intake", "routing", "knowledge", "chainteam", "metrics");
        boolean fresh = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--kafka-port" -> kafkaPort = Integer.parseInt(args[++i]);
                case "--postgres-port" -> postgresPort = Integer.parseInt(args[++i]);
                case "--state-dir" -> stateDir = Path.of(args[++i]);
                case "--databases" -> databases = List.of(args[++i].split(","));
                case "--fresh" -> fresh = true;
                default -> {
                    System.err.println("Unknown option " + args[i]
                            + "; options: --kafka-port N --postgres-port N --state-dir DIR --databases a,b --fresh");
                    System.exit(2);
                }
            }
        }
        Path kafkaDir = stateDir.resolve("kafka");
        Path postgresDir = stateDir.resolve("postgres");
        if (fresh) {
            deleteRecursively(kafkaDir);
            deleteRecursively(postgresDir);
        }
        Files.createDirectories(kafkaDir);
        Files.createDirectories(postgresDir);

        List<AutoCloseable> started = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (int i = started.size() - 1; i >= 0; i--) {
                try {
                    started.get(i).close();
                } catch (Exception e) {
                    System.err.println("While stopping: " + e);
                }
            }
            System.out.println("STOPPED");
            stopped.countDown();
        }, "loket-infra-shutdown"));

        LocalPostgres postgres = LocalPostgres.start(postgresPort, postgresDir);
        started.add(postgres);
        for (String database : databases) {
            postgres.createDatabase(database.trim());
        }
        // The broker's log directories are throw-away, like the platform's data: every `up` starts clean.
        deleteRecursively(kafkaDir);
        LocalKafka kafka = LocalKafka.start(kafkaPort, kafkaDir);
        started.add(kafka);
        DeclaredTopics.create(kafka.bootstrapServers());
        System.out.printf("READY kafka=%s postgres=%s:%d databases=%s%n", kafka.bootstrapServers(), postgres.host(),
                postgres.port(), String.join(",", databases));
        System.out.flush();
        stopped.await();
    }

    private static void deleteRecursively(Path path) throws Exception {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
