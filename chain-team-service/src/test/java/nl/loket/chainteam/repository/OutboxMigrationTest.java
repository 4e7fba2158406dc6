package nl.loket.chainteam.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import nl.loket.testsupport.WithKafkaAndPostgres;

/**
 * V2 turns the outbox of V1 into the service kit's table without losing a row: in a schema of its own, the
 * migrations run to V1, rows are written the V1 way, then the rest runs.
 */
@QuarkusTest
@WithKafkaAndPostgres(database = "chainteam")
class OutboxMigrationTest {

    private static final String SCHEMA = "outbox_migration_check";

    @Inject
    AgroalDataSource db;

    private record Row(long seq, String eventId, String topic, String key, String type, String payload,
            boolean sent) {
    }

    @Test
    void unsentRowsOfTheOldOutboxKeepTheirIdKeyAndOrderAndTheKitsInsertTakesTheNextSeq() throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
        }
        flyway("1").migrate();
        UUID sent = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("insert into " + SCHEMA
                + ".outbox_event (id, aggregate_id, event_type, payload, occurred_at, sent_at) "
                + "values (?, ?, ?, ?, ?, ?)")) {
            for (UUID id : List.of(sent, first, second)) {
                s.setObject(1, id);
                s.setString(2, "c-" + id);
                s.setString(3, "nl.loket.contact.handled.v1");
                s.setString(4, "{\"contactId\":\"c-" + id + "\"}");
                s.setTimestamp(5, Timestamp.from(Instant.now()));
                s.setTimestamp(6, id.equals(sent) ? Timestamp.from(Instant.now()) : null);
                s.executeUpdate();
            }
        }
        List<Row> before = rows();

        flyway(null).migrate();

        List<Row> after = rows();
        assertThat(after).extracting(Row::eventId)
                .containsExactly(sent.toString(), first.toString(), second.toString());
        assertThat(after).extracting(Row::seq).containsExactlyElementsOf(before.stream().map(Row::seq).toList());
        assertThat(after).extracting(Row::topic).containsOnly("contacts.lifecycle");
        assertThat(after).extracting(Row::key).containsExactly("c-" + sent, "c-" + first, "c-" + second);
        assertThat(after).extracting(Row::type).containsOnly("nl.loket.contact.handled.v1");
        assertThat(after).extracting(Row::payload)
                .containsExactlyElementsOf(before.stream().map(Row::payload).toList());
        assertThat(after).extracting(Row::sent).containsExactly(true, false, false);

        // the kit's INSERT names no seq: it gets the next value, after the rows written before the migration
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("insert into " + SCHEMA
                + ".outbox_event (event_id, topic, message_key, event_type, payload, occurred_at) "
                + "values (?, 'contacts.lifecycle', ?, 'nl.loket.contact.handled.v1', ?, now())")) {
            s.setString(1, UUID.randomUUID().toString());
            s.setString(2, "c-new");
            s.setString(3, null); // payload may be null now (a tombstone)
            s.executeUpdate();
        }
        List<Row> withNew = rows();
        assertThat(withNew).hasSize(4);
        assertThat(withNew.get(3).key()).isEqualTo("c-new");
        assertThat(withNew.get(3).seq()).isGreaterThan(after.get(2).seq());
        // and the unsent rows are what the kit's relay reads, in order
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select event_id from " + SCHEMA
                        + ".outbox_event where sent_at is null order by seq")) {
            List<String> unsent = new ArrayList<>();
            while (rs.next()) {
                unsent.add(rs.getString(1));
            }
            assertThat(unsent).hasSize(3).startsWith(first.toString(), second.toString());
        }
    }

    private Flyway flyway(String target) {
        var config = Flyway.configure().dataSource(db).schemas(SCHEMA).locations("classpath:db/migration");
        return (target == null ? config : config.target(target)).load();
    }

    private List<Row> rows() throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            boolean migrated;
            try (ResultSet rs = s.executeQuery("select count(*) from information_schema.columns where table_schema = '"
                    + SCHEMA + "' and table_name = 'outbox_event' and column_name = 'event_id'")) {
                rs.next();
                migrated = rs.getInt(1) == 1;
            }
            String columns = migrated ? "seq, event_id, topic, message_key, event_type, payload, sent_at is not null"
                    : "seq, id::text, null, aggregate_id, event_type, payload, sent_at is not null";
            List<Row> rows = new ArrayList<>();
            String query = "select " + columns + " from " + SCHEMA + ".outbox_event order by seq";
            try (ResultSet rs = s.executeQuery(query)) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getBoolean(7)));
                }
            }
            return rows;
        }
    }
}
