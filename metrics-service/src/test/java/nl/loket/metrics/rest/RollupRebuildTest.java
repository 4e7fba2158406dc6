package nl.loket.metrics.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import nl.loket.metrics.ScriptedDay;
import nl.loket.testsupport.WithKafkaAndPostgres;

/**
 * The incrementally maintained rollups equal a rebuild from the facts (the bulk SQL the benchmark and operators use),
 * row for row, histograms included. The rebuild runs in a transaction that is rolled back.
 */
@QuarkusTest
@WithKafkaAndPostgres(database = "metrics")
class RollupRebuildTest {

    private static final String ROWS = "select grain, municipality, team, period, channel, received, first_contacts, "
            + "directly_handled, settled, settled_same_day, settled_first_line, settled_chain_team, settled_back_office, "
            + "transferred, callback_requested, settled_by_team, breached_by_team, settle_histogram from kpi_rollup "
            + "where received <> 0 or settled_by_team <> 0 or settle_histogram <> '{}'";

    @Test
    void incrementalRollupsEqualARebuildFromTheFacts() throws Exception {
        ScriptedDay.replayedTwiceShuffled("GM0006", "rebuild", 6L).forEach(ScriptedDay.Sent::send);
        ScriptedDayKpiTest.awaitDay("GM0006");

        var config = ConfigProvider.getConfig();
        try (Connection db = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class))) {
            db.setAutoCommit(false);
            try (Statement s = db.createStatement()) {
                s.execute("lock table contact_fact, kpi_rollup in exclusive mode");
                s.execute("create temporary table incremental on commit drop as " + ROWS);
                try (InputStream in = getClass().getClassLoader().getResourceAsStream("sql/rebuild-rollups.sql")) {
                    for (String statement : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n;;\n")) {
                        s.execute(statement);
                    }
                }
                long rebuilt = count(s, "select count(*) from (" + ROWS + ") r");
                long incremental = count(s, "select count(*) from incremental");
                long onlyIncremental = count(s, "select count(*) from (select * from incremental except " + ROWS + ") d");
                long onlyRebuilt = count(s, "select count(*) from (" + ROWS + " except select * from incremental) d");
                assertThat(rebuilt).isGreaterThanOrEqualTo(12 * 9);
                assertThat(incremental).isEqualTo(rebuilt);
                assertThat(onlyIncremental).isZero();
                assertThat(onlyRebuilt).isZero();
            } finally {
                db.rollback();
            }
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
