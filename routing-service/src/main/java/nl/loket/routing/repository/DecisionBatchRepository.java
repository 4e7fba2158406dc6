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
import nl.loket.routing.domain.RoutedContactEntity;
import nl.loket.routing.domain.RoutingDecisionEntity;

/**
 * The hot path's storage: a whole batch of contacts with their first decisions in one statement (UNNEST arrays,
 * ON CONFLICT DO NOTHING, one row per contact in {@code routed_contact}), and one query for the decisions a batch
 * already has. Reactive PostgreSQL client, no entity overhead, one round trip per batch.
 */
@ApplicationScoped
public class DecisionBatchRepository {

    /**
     * A contact's first decision: from its own row, or for rows written before V3 from the hop-0 row of
     * routing_decision (with the event documents and ids stored there).
     */
    private static final String SELECT = "SELECT c.contact_id, c.contact_json, "
            + "COALESCE(c.team_id, d.team_id) AS team_id, COALESCE(c.tier, d.tier) AS tier, "
            + "COALESCE(c.rule, d.rule) AS rule, COALESCE(c.confidence, d.confidence) AS confidence, "
            + "COALESCE(c.policy_name, d.policy_name) AS policy_name, "
            + "COALESCE(c.policy_version, d.policy_version) AS policy_version, "
            + "COALESCE(c.routed_at, d.routed_at) AS routed_at, COALESCE(c.reason, d.reason) AS reason, "
            + "COALESCE(c.product_uri, d.product_uri) AS product_uri, "
            + "COALESCE(c.product_name, d.product_name) AS product_name, "
            + "COALESCE(c.article_id, d.article_id) AS article_id, COALESCE(c.category_id, d.category_id) AS category_id, "
            + "COALESCE(c.term_days, d.term_days) AS term_days, COALESCE(c.term_unit, d.term_unit) AS term_unit, "
            + "COALESCE(c.model_version, d.model_version) AS model_version, "
            + "d.routed_event_id, d.assigned_event_id, d.routed_json, d.assigned_json "
            + "FROM routed_contact c LEFT JOIN routing_decision d ON c.team_id IS NULL AND d.id = c.contact_id || '#0' "
            + "WHERE c.contact_id = ANY($1)";
    /**
     * One statement, one round trip, one row per contact: the contact with its first decision and the citizen's
     * global reference (indexed, for data-subject requests).
     */
    private static final String INSERT = "INSERT INTO routed_contact (contact_id, municipality, channel, received_at, "
            + "contact_json, created_at, team_id, tier, rule, confidence, policy_name, policy_version, routed_at, reason, "
            + "product_uri, product_name, article_id, category_id, term_days, term_unit, citizen_ref, model_version) "
            + "SELECT contact_id, municipality, channel, received_at, contact_json, routed_at, team_id, tier, rule, "
            + "confidence, policy_name, policy_version, routed_at, reason, product_uri, product_name, article_id, "
            + "category_id, term_days, term_unit, citizen_ref, model_version "
            + "FROM UNNEST($1::varchar[], $2::varchar[], $3::varchar[], $4::timestamptz[], $5::text[], $6::varchar[], "
            + "$7::varchar[], $8::varchar[], $9::float8[], $10::varchar[], $11::int[], $12::timestamptz[], $13::text[], "
            + "$14::varchar[], $15::varchar[], $16::varchar[], $17::varchar[], $18::int[], $19::varchar[], "
            + "$20::varchar[], $21::int[]) "
            + "AS u(contact_id, municipality, channel, received_at, contact_json, team_id, tier, rule, confidence, "
            + "policy_name, policy_version, routed_at, reason, product_uri, product_name, article_id, category_id, "
            + "term_days, term_unit, citizen_ref, model_version) "
            + "ON CONFLICT DO NOTHING RETURNING contact_id";

    private final Pool pool;

    public DecisionBatchRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * The first decisions stored for these contacts, with the contact's JSON (to rebuild the events). Event ids and
     * documents are set only for rows written before V3; otherwise the caller derives them.
     */
    public Uni<List<StoredRow>> find(List<String> contactIds) {
        if (contactIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery(SELECT).execute(Tuple.of(contactIds.toArray(String[]::new))).map(rows -> {
            List<StoredRow> found = new ArrayList<>();
            for (Row r : rows) {
                if (r.getString("team_id") == null) {
                    throw new IllegalStateException("No first decision stored for contact " + r.getString("contact_id"));
                }
                RoutingDecisionEntity e = new RoutingDecisionEntity();
                e.contactId = r.getString("contact_id");
                e.hop = 0;
                e.id = RoutingDecisionEntity.idOf(e.contactId, 0);
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
                e.modelVersion = r.getInteger("model_version");
                found.add(new StoredRow(e, r.getString("contact_json")));
            }
            return found;
        });
    }

    /** A stored decision and the contact it was made for. */
    public record StoredRow(RoutingDecisionEntity decision, String contactJson) {
    }

    /**
     * Inserts each contact with its first decision ({@code contacts.get(i)} with {@code decisions.get(i)}) in one
     * statement; returns the ids of the contacts inserted now (the others were stored before: a redelivery).
     */
    public Uni<Set<String>> insert(List<RoutedContactEntity> contacts, List<RoutingDecisionEntity> decisions) {
        int n = contacts.size();
        String[] contactIds = new String[n];
        String[] municipalities = new String[n];
        String[] channels = new String[n];
        OffsetDateTime[] receivedAt = new OffsetDateTime[n];
        String[] contactJson = new String[n];
        String[] teams = new String[n];
        String[] tiers = new String[n];
        String[] rules = new String[n];
        Double[] confidences = new Double[n];
        String[] policies = new String[n];
        Integer[] versions = new Integer[n];
        OffsetDateTime[] routedAt = new OffsetDateTime[n];
        String[] reasons = new String[n];
        String[] productUris = new String[n];
        String[] productNames = new String[n];
        String[] articles = new String[n];
        String[] categories = new String[n];
        Integer[] termDays = new Integer[n];
        String[] termUnits = new String[n];
        String[] citizenRefs = new String[n];
        Integer[] modelVersions = new Integer[n];
        for (int i = 0; i < n; i++) {
            RoutedContactEntity c = contacts.get(i);
            RoutingDecisionEntity d = decisions.get(i);
            if (!c.contactId.equals(d.contactId) || d.hop != 0) {
                throw new IllegalArgumentException("contact " + c.contactId + " paired with decision " + d.id);
            }
            contactIds[i] = c.contactId;
            municipalities[i] = c.municipality;
            channels[i] = c.channel;
            receivedAt[i] = utc(c.receivedAt);
            contactJson[i] = c.contactJson;
            teams[i] = d.teamId;
            tiers[i] = d.tier;
            rules[i] = d.rule;
            confidences[i] = d.confidence;
            policies[i] = d.policyName;
            versions[i] = d.policyVersion;
            routedAt[i] = utc(d.routedAt);
            reasons[i] = d.reason;
            productUris[i] = d.productUri;
            productNames[i] = d.productName;
            articles[i] = d.articleId;
            categories[i] = d.categoryId;
            termDays[i] = d.termDays;
            termUnits[i] = d.termUnit;
            citizenRefs[i] = c.citizenRef;
            modelVersions[i] = d.modelVersion;
        }
        Tuple rows = Tuple.tuple().addArrayOfString(contactIds).addArrayOfString(municipalities)
                .addArrayOfString(channels).addArrayOfOffsetDateTime(receivedAt).addArrayOfString(contactJson)
                .addArrayOfString(teams).addArrayOfString(tiers).addArrayOfString(rules).addArrayOfDouble(confidences)
                .addArrayOfString(policies).addArrayOfInteger(versions).addArrayOfOffsetDateTime(routedAt)
                .addArrayOfString(reasons).addArrayOfString(productUris).addArrayOfString(productNames)
                .addArrayOfString(articles).addArrayOfString(categories).addArrayOfInteger(termDays)
                .addArrayOfString(termUnits).addArrayOfString(citizenRefs).addArrayOfInteger(modelVersions);
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
