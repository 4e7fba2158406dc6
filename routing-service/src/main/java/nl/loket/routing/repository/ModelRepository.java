package nl.loket.routing.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import nl.loket.routing.domain.ModelVersion;
import nl.loket.routing.domain.Outcome;

/**
 * The trained model's versions ({@code routing_model}) and what became of the contacts ({@code routing_outcome}).
 * Reactive PostgreSQL client.
 */
@ApplicationScoped
public class ModelRepository {

    /** Serialises storing versions across routing instances (pg_advisory_xact_lock key). */
    private static final long STORE_LOCK = 0x4c6f6b6574_16L;
    private static final String INFO_COLUMNS = "version, status, created_at, seed, knowledge_examples, "
            + "example_contacts, outcome_examples, holdout, candidate_accuracy, live_accuracy, live_version, note";

    private final Pool pool;

    public ModelRepository(Pool pool) {
        this.pool = pool;
    }

    /** The number of the newest live version, or null when none is live (a small read, every few seconds). */
    public Uni<Integer> liveVersion() {
        return pool.query("SELECT MAX(version) FROM routing_model WHERE status = 'LIVE'").execute()
                .map(rows -> rows.iterator().next().getInteger(0));
    }

    /** One stored version with its bytes, or null when there is none. */
    public Uni<Stored> version(int version) {
        return one("SELECT " + INFO_COLUMNS + ", model FROM routing_model WHERE version = $1", Tuple.of(version));
    }

    /** Every version, newest first, without the bytes. */
    public Uni<List<ModelVersion>> list() {
        return pool.preparedQuery("SELECT " + INFO_COLUMNS + " FROM routing_model ORDER BY version DESC")
                .execute().map(rows -> {
                    List<ModelVersion> all = new ArrayList<>();
                    rows.forEach(r -> all.add(info(r)));
                    return all;
                });
    }

    /** Whether any version was ever stored. */
    public Uni<Boolean> any() {
        return pool.query("SELECT EXISTS (SELECT 1 FROM routing_model)").execute()
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    /**
     * Stores a new version (the next number) with its report; when {@code promote}, it becomes the live version
     * and the one that was live is retired — unless another version went live since {@code comparedWith} was read
     * (another instance trained meanwhile): then it is kept, and says so. Returns the stored version's info.
     */
    public Uni<ModelVersion> store(ModelVersion report, byte[] model, boolean promote, Integer comparedWith) {
        return pool.withTransaction(tx -> tx.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(STORE_LOCK))
                .chain(() -> tx.query("SELECT COALESCE(MAX(version), 0) + 1 AS next, "
                        + "(SELECT MAX(version) FROM routing_model WHERE status = 'LIVE') AS live FROM routing_model")
                        .execute())
                .chain(rows -> {
                    Row r = rows.iterator().next();
                    int next = r.getInteger("next");
                    Integer live = r.getInteger("live");
                    boolean stillComparable = java.util.Objects.equals(live, comparedWith);
                    boolean goesLive = promote && stillComparable;
                    String note = promote && !stillComparable
                            ? report.note() + " Kept: version " + live + " went live meanwhile." : report.note();
                    ModelVersion stored = new ModelVersion(next, goesLive ? ModelVersion.Status.LIVE
                            : ModelVersion.Status.KEPT, report.createdAt(), report.seed(), report.knowledgeExamples(),
                            report.exampleContacts(), report.outcomeExamples(), report.holdout(),
                            report.candidateAccuracy(), report.liveAccuracy(), comparedWith, note);
                    Uni<?> retire = goesLive && live != null
                            ? tx.preparedQuery("UPDATE routing_model SET status = 'RETIRED' WHERE status = 'LIVE'")
                                    .execute()
                            : Uni.createFrom().voidItem();
                    return retire.chain(() -> tx.preparedQuery("INSERT INTO routing_model (version, status, created_at, "
                            + "seed, knowledge_examples, example_contacts, outcome_examples, holdout, candidate_accuracy, "
                            + "live_accuracy, live_version, note, model) "
                            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)")
                            .execute(Tuple.tuple().addInteger(next).addString(stored.status().name())
                                    .addOffsetDateTime(utc(stored.createdAt())).addLong(stored.seed())
                                    .addInteger(stored.knowledgeExamples()).addInteger(stored.exampleContacts())
                                    .addInteger(stored.outcomeExamples())
                                    .addInteger(stored.holdout()).addDouble(stored.candidateAccuracy())
                                    .addDouble(stored.liveAccuracy()).addInteger(comparedWith).addString(note)
                                    .addBuffer(io.vertx.mutiny.core.buffer.Buffer.buffer(model))))
                            .replaceWith(stored);
                }));
    }

    /** The team that settled a contact (the last settlement wins: a contact reopened and settled again). */
    public Uni<Void> recordSettled(String contactId, String teamId, Instant at) {
        return pool.preparedQuery("INSERT INTO routing_outcome (contact_id, settled_team, settled_at, updated_at) "
                + "VALUES ($1, $2, $3, now()) ON CONFLICT (contact_id) DO UPDATE SET settled_team = EXCLUDED.settled_team, "
                + "settled_at = EXCLUDED.settled_at, updated_at = now()")
                .execute(Tuple.of(contactId, teamId, utc(at))).replaceWithVoid();
    }

    /** A team handed the contact on: evidence against that team (each team once, so a redelivery adds nothing). */
    public Uni<Void> recordTransfer(String contactId, String fromTeamId) {
        return pool.preparedQuery("INSERT INTO routing_outcome (contact_id, transferred_from, updated_at) "
                + "VALUES ($1, $2, now()) ON CONFLICT (contact_id) DO UPDATE SET transferred_from = CASE "
                + "WHEN ',' || COALESCE(routing_outcome.transferred_from, '') || ',' LIKE '%,' || $2 || ',%' "
                + "THEN routing_outcome.transferred_from "
                + "ELSE left(COALESCE(routing_outcome.transferred_from || ',', '') || $2, 300) END, updated_at = now()")
                .execute(Tuple.of(contactId, fromTeamId)).replaceWithVoid();
    }

    /**
     * The newest settled contacts whose text routing still holds (personal data not yet erased), newest first:
     * the contact as received and its outcome.
     */
    public Uni<List<Outcome>> settledOutcomes(int limit) {
        return pool.preparedQuery("SELECT o.contact_id, o.settled_team, o.settled_at, o.transferred_from, "
                + "c.contact_json, c.team_id FROM routing_outcome o JOIN routed_contact c ON c.contact_id = o.contact_id "
                + "WHERE o.settled_team IS NOT NULL AND c.personal_data_erased_at IS NULL "
                + "ORDER BY o.settled_at DESC, o.contact_id LIMIT $1")
                .execute(Tuple.of(limit)).map(rows -> {
                    List<Outcome> all = new ArrayList<>();
                    for (Row r : rows) {
                        String from = r.getString("transferred_from");
                        all.add(new Outcome(r.getString("contact_id"), r.getString("settled_team"),
                                r.getOffsetDateTime("settled_at").toInstant(),
                                from == null ? List.of() : List.of(from.split(",")), r.getString("team_id"),
                                r.getString("contact_json")));
                    }
                    return all;
                });
    }

    private Uni<Stored> one(String sql, Tuple args) {
        return pool.preparedQuery(sql).execute(args).map(rows -> {
            var it = rows.iterator();
            if (!it.hasNext()) {
                return null;
            }
            Row r = it.next();
            return new Stored(info(r), r.getBuffer("model").getBytes());
        });
    }

    private static ModelVersion info(Row r) {
        return new ModelVersion(r.getInteger("version"), ModelVersion.Status.valueOf(r.getString("status")),
                r.getOffsetDateTime("created_at").toInstant(), r.getLong("seed"), r.getInteger("knowledge_examples"),
                r.getInteger("example_contacts"), r.getInteger("outcome_examples"), r.getInteger("holdout"),
                r.getDouble("candidate_accuracy"), r.getDouble("live_accuracy"), r.getInteger("live_version"),
                r.getString("note"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A stored version and its bytes (Tribuo's protobuf form). */
    public record Stored(ModelVersion info, byte[] model) {
    }
}
