package nl.loket.routing.repository;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The hot path's storage: a whole batch of first decisions in one statement (UNNEST arrays, ON CONFLICT DO
 * NOTHING), and one query for the decisions a batch already has. Reactive PostgreSQL client, no
 * entity overhead, one round trip per batch; the same tables as {@link RoutingDecisionEntity} and {@link RoutedContactEntity}.
 */
@ApplicationScoped
public class DecisionBatchRepository {

    private static final String SELECT = "SELECT d.*, c.contact_json FROM routing_decision d "
            + "JOIN routed_contact c ON c.contact_id = d.contact_id WHERE d.id = ANY($1)";
    /** One statement (one round trip, atomic): the contacts and their decisions. */
    private static final String INSERT = "WITH contacts AS (INSERT INTO routed_contact "
            + "(contact_id, municipality, channel, received_at, contact_json, created_at) "
            + "SELECT * FROM UNNEST($1::varchar[], $2::varchar[], $3::varchar[], $4::timestamptz[], $5::text[], "
            + "$6::timestamptz[]) ON CONFLICT DO NOTHING) "
            + "INSERT INTO routing_decision (id, contact_id, hop, team_id, tier, "
            + "rule, confidence, policy_name, policy_version, routed_event_id, assigned_event_id, routed_at, reason, "
            + "product_uri, product_name, article_id, category_id, term_days, term_unit) "
            + "SELECT * FROM UNNEST($7::varchar[], $8::varchar[], $9::int[], $10::varchar[], "
            + "$11::varchar[], $12::varchar[], $13::float8[], $14::varchar[], $15::int[], $16::varchar[], $17::varchar[], "
            + "$18::timestamptz[], $19::text[], $20::varchar[], $21::varchar[], $22::varchar[], $23::varchar[], "
            + "$24::int[], $25::varchar[]) ON CONFLICT DO NOTHING RETURNING id";

    private final Pool pool;

    public DecisionBatchRepository(Pool pool) {
        this.pool = pool;
    }

    /** Stored decisions with their contact's JSON (to rebuild events stored as fields). */
    public Uni<List<StoredRow>> find(List<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery(SELECT).execute(Tuple.of(ids.toArray(String[]::new))).map(rows -> {
            List<StoredRow> found = new ArrayList<>();
            for (Row r : rows) {
                RoutingDecisionEntity e = new RoutingDecisionEntity();
                e.id = r.getString("id");
                e.contactId = r.getString("contact_id");
                e.hop = r.getInteger("hop");
                e.teamId = r.getString("team_id");
                e.tier = r.getString("tier");
                e.rule = r.getString("rule");
                e.confidence = r.getDouble("confidence");
                e.policyName = r.getString("policy_name");
                e.policyVersion = r.getInteger("policy_version");
                e.routedEventId = r.getString("routed_event_id");
                e.assignedEventId = r.getString("assigned_event_id");
                e.routedJson = r.getString("routed_json");
                e.assignedJson = r.getString("assigned_json");
                e.routedAt = r.getOffsetDateTime("routed_at").toInstant();
                e.reason = r.getString("reason");
                e.productUri = r.getString("product_uri");
                e.productName = r.getString("product_name");
                e.articleId = r.getString("article_id");
                e.categoryId = r.getString("category_id");
                e.termDays = r.getInteger("term_days");
                e.termUnit = r.getString("term_unit");
                found.add(new StoredRow(e, r.getString("contact_json")));
            }
            return found;
        });
    }

    /** A stored decision and the contact it was made for. */
    public record StoredRow(RoutingDecisionEntity decision, String contactJson) {
    }

    /** Inserts contacts and decisions in one statement; returns the ids of the decisions inserted now. */
    public Uni<Set<String>> insert(List<RoutedContactEntity> contacts, List<RoutingDecisionEntity> decisions) {
        Integer[] hops = new Integer[decisions.size()];
        Double[] confidences = new Double[decisions.size()];
        Integer[] versions = new Integer[decisions.size()];
        for (int i = 0; i < decisions.size(); i++) {
            hops[i] = decisions.get(i).hop;
            confidences[i] = decisions.get(i).confidence;
            versions[i] = decisions.get(i).policyVersion;
        }
        Tuple rows = Tuple.tuple()
                .addArrayOfString(contacts.stream().map(c -> c.contactId).toArray(String[]::new))
                .addArrayOfString(contacts.stream().map(c -> c.municipality).toArray(String[]::new))
                .addArrayOfString(contacts.stream().map(c -> c.channel).toArray(String[]::new))
                .addArrayOfOffsetDateTime(contacts.stream().map(c -> utc(c.receivedAt)).toArray(OffsetDateTime[]::new))
                .addArrayOfString(contacts.stream().map(c -> c.contactJson).toArray(String[]::new))
                .addArrayOfOffsetDateTime(contacts.stream().map(c -> utc(c.createdAt)).toArray(OffsetDateTime[]::new))
                .addArrayOfString(decisions.stream().map(d -> d.id).toArray(String[]::new))
                .addArrayOfString(decisions.stream().map(d -> d.contactId).toArray(String[]::new))
                .addArrayOfInteger(hops)
                .addArrayOfString(decisions.stream().map(d -> d.teamId).toArray(String[]::new))
                .addArrayOfString(decisions.stream().map(d -> d.tier).toArray(String[]::new))
                .addArrayOfString(decisions.stream().map(d -> d.rule).toArray(String[]::new))
                .addArrayOfDouble(confidences)
                .addArrayOfString(decisions.stream().map(d -> d.policyName).toArray(String[]::new))
                .addArrayOfInteger(versions)
                .addArrayOfString(decisions.stream().map(d -> d.routedEventId).toArray(String[]::new))
                .addArrayOfString(decisions.stream().map(d -> d.assignedEventId).toArray(String[]::new))
                .addArrayOfOffsetDateTime(decisions.stream().map(d -> utc(d.routedAt)).toArray(OffsetDateTime[]::new))
                .addArrayOfString(decisions.stream().map(d -> d.reason).toArray(String[]::new))
                .addArrayOfString(decisions.stream().map(d -> d.productUri).toArray(String[]::new))
                .addArrayOfString(decisions.stream().map(d -> d.productName).toArray(String[]::new))
                .addArrayOfString(decisions.stream().map(d -> d.articleId).toArray(String[]::new))
                .addArrayOfString(decisions.stream().map(d -> d.categoryId).toArray(String[]::new))
                .addArrayOfInteger(decisions.stream().map(d -> d.termDays).toArray(Integer[]::new))
                .addArrayOfString(decisions.stream().map(d -> d.termUnit).toArray(String[]::new));
        return pool.preparedQuery(INSERT).execute(rows).map(result -> {
            Set<String> inserted = new HashSet<>();
            result.forEach(r -> inserted.add(r.getString(0)));
            return inserted;
        });
    }

    private static OffsetDateTime utc(java.time.Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
