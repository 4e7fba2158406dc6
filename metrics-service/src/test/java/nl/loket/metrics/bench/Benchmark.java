package nl.loket.metrics.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import nl.loket.kit.auth.Roles;
import nl.loket.platform.postgres.LocalPostgres;
import nl.loket.testsupport.oidc.OidcTestIssuer;
import nl.loket.testsupport.oidc.TestTokens;

/**
 * The scale benchmark of metrics-service (run by {@code bench/run.sh}): generates N contacts of one year straight
 * into PostgreSQL (facts with generate_series, rollups with the rebuild SQL the service ships), starts the packaged
 * service against that database (or targets {@code BENCH_URL}), and measures the API with a small concurrent HTTP
 * client. Prints a table with p50/p95/p99 per scenario.
 *
 * <p>Settings (environment): BENCH_CONTACTS (10000000), BENCH_MUNICIPALITIES (342), BENCH_REQUESTS (400 per
 * scenario), BENCH_CONCURRENCY (4), BENCH_WARMUP (100 per scenario), BENCH_PORT (18085), BENCH_URL (skip start-up, measure only), BENCH_REUSE=true
 * (keep existing data), LOKET_DB_URL (an existing PostgreSQL instead of the embedded one).
 */
public final class Benchmark {

    private static final String DATABASE = "metrics_bench";

    /**
     * A metrics viewer of every generated municipality (so "all municipalities" is the sum over all of them), signed by
     * the test OpenID provider the started service trusts; with BENCH_URL, BENCH_TOKEN.
     */
    private static String token;

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        long contacts = Long.parseLong(env("BENCH_CONTACTS", "10000000"));
        int municipalities = Integer.parseInt(env("BENCH_MUNICIPALITIES", "342"));
        int requests = Integer.parseInt(env("BENCH_REQUESTS", "400"));
        int concurrency = Integer.parseInt(env("BENCH_CONCURRENCY", "4"));
        int port = Integer.parseInt(env("BENCH_PORT", "18085"));
        int warmup = Integer.parseInt(env("BENCH_WARMUP", "100"));
        String target = System.getenv("BENCH_URL");
        boolean reuse = Boolean.parseBoolean(env("BENCH_REUSE", "false"));
        Path jar = Path.of(env("BENCH_JAR", "target/quarkus-app/quarkus-run.jar"));

        token = System.getenv("BENCH_TOKEN");
        if (token == null) {
            token = TestTokens.as("bench-viewer").roles(Roles.METRICS_VIEWER).municipalities(
                    java.util.stream.IntStream.rangeClosed(1, municipalities).mapToObj(i -> String.format(Locale.ROOT, "%04d", i))
                            .toArray(String[]::new)).sign();
        }
        Process service = null;
        try (LocalPostgres postgres = target == null ? LocalPostgres.start(0, null) : null) {
            if (target == null) {
                if (!reuse) {
                    postgres.recreateDatabase(DATABASE);
                } else {
                    postgres.createDatabase(DATABASE);
                }
                service = startService(jar, postgres, port);
                target = "http://localhost:" + port;
                awaitUp(target);
                try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(DATABASE), postgres.user(), postgres.password())) {
                    if (!reuse || count(db, "select count(*) from contact_fact") == 0) {
                        generate(db, contacts, municipalities);
                    }
                    System.out.printf(Locale.ROOT, "%nRows: contact_fact %,d · kpi_rollup %,d · database %s%n",
                            count(db, "select count(*) from contact_fact"), count(db, "select count(*) from kpi_rollup"),
                            text(db, "select pg_size_pretty(pg_database_size(current_database()))"));
                }
            }
            measure(target, requests, concurrency, warmup);
        } finally {
            if (service != null) {
                service.destroy();
                if (!service.waitFor(20, TimeUnit.SECONDS)) {
                    service.destroyForcibly();
                }
            }
        }
    }

    private static void generate(Connection db, long contacts, int municipalities) throws Exception {
        long start = System.nanoTime();
        try (Statement s = db.createStatement()) {
            s.execute("truncate contact_fact, processed_event, callback_item, kpi_rollup");
            s.execute(generateFactsSql(contacts, municipalities));
            s.execute("analyze contact_fact");
        }
        System.out.printf(Locale.ROOT, "Generated %,d facts in %.1f s%n", contacts, seconds(start));
        start = System.nanoTime();
        try (InputStream in = Benchmark.class.getClassLoader().getResourceAsStream("sql/rebuild-rollups.sql");
             Statement s = db.createStatement()) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String statement : sql.split("\n;;\n")) {
                s.execute(statement);
            }
        }
        System.out.printf(Locale.ROOT, "Built the rollups in %.1f s%n", seconds(start));
    }

    /** One year (2025, Amsterdam time) of contacts: skewed municipality sizes, a KCC-like channel and routing mix. */
    static String generateFactsSql(long contacts, int municipalities) {
        return """
                insert into contact_fact (contact_id, received, municipality, channel, received_at, received_day,
                    first_contact, first_team, first_tier, max_hop, transferred, callback_requested, settled_at,
                    settled_team, settled_tier, settled_hop, breached_teams)
                select 'bench-' || g, true, municipality, channel, received_at,
                       cast(received_at at time zone 'Europe/Amsterdam' as date), r_first < 0.85,
                       first_team, first_tier, hop, hop > 0, r_callback < 0.10,
                       case when r_settled < 0.95 then received_at + delay end,
                       case when r_settled < 0.95 then settled_team end,
                       case when r_settled < 0.95 then settled_tier end,
                       case when r_settled < 0.95 then hop end,
                       case when r_settled < 0.95 and settled_team <> 'kcc' and r_breach < 0.08 then settled_team else '' end
                from (
                    select g, municipality, channel, received_at, r_first, r_callback, r_settled, r_breach, first_team,
                           first_tier, hop,
                           case when hop = 0 then first_team else second_team end as settled_team,
                           case when hop = 0 then first_tier
                                when second_team in ('openbare-ruimte', 'burgerzaken') then 'BACK_OFFICE'
                                else 'CHAIN_TEAM' end as settled_tier,
                           case when hop = 0 and first_team = 'kcc' and channel in ('PHONE', 'COUNTER', 'CHAT')
                                then r_delay * interval '40 minutes'
                                when hop = 0 and first_team = 'kcc' then r_delay * interval '2 days'
                                else power(r_delay, 2) * interval '20 days' end as delay
                    from (
                        select g, municipality, channel, received_at, r_first, r_callback, r_settled, r_breach, r_delay,
                               case when r_route < 0.85 then 'kcc'
                                    else (array['omgeving', 'sociaal-domein', 'belastingen', 'veiligheid'])[1 + floor(r_team * 4)::int] end as first_team,
                               case when r_route < 0.85 then 'FIRST_LINE' else 'CHAIN_TEAM' end as first_tier,
                               case when r_transfer < (case when r_route < 0.85 then 0.18 else 0.05 end) then 1 else 0 end as hop,
                               (array['omgeving', 'sociaal-domein', 'belastingen', 'veiligheid', 'openbare-ruimte', 'burgerzaken'])[1 + floor(r_team2 * 6)::int] as second_team
                        from (
                            select g,
                                   'GM' || lpad(cast(1 + floor(%d * power(random(), 2)) as int)::text, 4, '0') as municipality,
                                   (array['PHONE','PHONE','PHONE','PHONE','PHONE','PHONE','PHONE','PHONE','PHONE',
                                          'WEB_FORM','WEB_FORM','WEB_FORM','WEB_FORM','EMAIL','EMAIL','EMAIL',
                                          'COUNTER','CHAT','SOCIAL_MEDIA','LETTER'])[1 + floor(random() * 20)::int] as channel,
                                   timestamptz '2025-01-01 00:00:00+01' + random() * interval '365 days' as received_at,
                                   random() as r_first, random() as r_callback, random() as r_settled, random() as r_breach,
                                   random() as r_delay, random() as r_route, random() as r_team, random() as r_transfer,
                                   random() as r_team2
                            from generate_series(1, %d) g
                            offset 0) a
                        offset 0) b
                    offset 0) c
                """.formatted(municipalities, contacts);
    }

    private static void measure(String base, int requests, int concurrency, int warmup) throws Exception {
        List<String[]> scenarios = List.of(
                new String[] {"summary, 1 year, all municipalities", "/api/v1/metrics/summary?from=2025-01-01&to=2025-12-31"},
                new String[] {"summary, 1 year with day edges (15 Jan–20 Dec)", "/api/v1/metrics/summary?from=2025-01-15&to=2025-12-20"},
                new String[] {"summary, 1 year, largest municipality", "/api/v1/metrics/summary?from=2025-01-01&to=2025-12-31&municipality=GM0001"},
                new String[] {"summary, 1 year, team kcc", "/api/v1/metrics/summary?from=2025-01-01&to=2025-12-31&team=kcc"},
                new String[] {"summary, 1 year, channel PHONE", "/api/v1/metrics/summary?from=2025-01-01&to=2025-12-31&channel=PHONE"},
                new String[] {"summary, 1 month, all municipalities", "/api/v1/metrics/summary?from=2025-06-01&to=2025-06-30"},
                new String[] {"timeseries, 1 year by week, all", "/api/v1/metrics/timeseries?from=2025-01-01&to=2025-12-31&bucket=week"},
                new String[] {"timeseries, 1 year by day, all", "/api/v1/metrics/timeseries?from=2025-01-01&to=2025-12-31&bucket=day"});
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        System.out.printf(Locale.ROOT, "%nMeasured with %d requests per scenario, %d concurrent (after %d warm-up requests each):%n%n",
                requests, concurrency, warmup);
        System.out.println("| scenario | p50 ms | p95 ms | p99 ms | max ms | req/s |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            for (String[] scenario : scenarios) {
                URI uri = URI.create(base + scenario[1]);
                HttpResponse<String> first = client.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                if (first.statusCode() != 200) {
                    throw new IllegalStateException(scenario[1] + " answered " + first.statusCode() + ": " + first.body());
                }
                run(client, uri, warmup, concurrency, pool);
                long start = System.nanoTime();
                List<Long> latencies = run(client, uri, requests, concurrency, pool);
                double elapsed = seconds(start);
                Collections.sort(latencies);
                System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %.0f |%n", scenario[0],
                        ms(percentile(latencies, 0.50)), ms(percentile(latencies, 0.95)), ms(percentile(latencies, 0.99)),
                        ms(latencies.get(latencies.size() - 1)), requests / elapsed);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Long> run(HttpClient client, URI uri, int requests, int concurrency, ExecutorService pool)
            throws Exception {
        List<Future<List<Long>>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            int share = requests / concurrency + (w < requests % concurrency ? 1 : 0);
            workers.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                for (int i = 0; i < share; i++) {
                    long t = System.nanoTime();
                    HttpResponse<Void> r = client.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding());
                    latencies.add(System.nanoTime() - t);
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(uri + " answered " + r.statusCode());
                    }
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> worker : workers) {
            all.addAll(worker.get());
        }
        return all;
    }

    private static Process startService(Path jar, LocalPostgres postgres, int port) throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the service first (bench/run.sh does)");
        }
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx1g", "-jar", jar.toString());
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        // the local profile: the service trusts the loopback test issuer (prod would refuse to start with it)
        builder.environment().put("QUARKUS_PROFILE", "local");
        builder.environment().put("QUARKUS_OIDC_AUTH_SERVER_URL", OidcTestIssuer.issuer());
        builder.environment().put("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl(DATABASE));
        builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(DATABASE));
        builder.environment().put("QUARKUS_DATASOURCE_USERNAME", postgres.user());
        builder.environment().put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        // the benchmark measures the read side; no broker is needed (the consumers retry quietly)
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", "localhost:1");
        builder.environment().put("QUARKUS_LOG_CATEGORY__ORG_APACHE_KAFKA__LEVEL", "ERROR");
        builder.redirectErrorStream(true).redirectOutput(Path.of("target", "bench-service.log").toFile());
        return builder.start();
    }

    private static void awaitUp(String base) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/metrics/definitions"))
                        .header("Authorization", "Bearer " + token).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("metrics-service did not come up; see target/bench-service.log");
    }

    private static long percentile(List<Long> sorted, double q) {
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static long count(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
