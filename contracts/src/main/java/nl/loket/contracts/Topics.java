package nl.loket.contracts;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Every Kafka topic of Loket. The AsyncAPI document ({@code asyncapi/loket.yaml}) declares each of them;
 * a test keeps the two in step.
 */
public final class Topics {

    /** intake-service → routing-service (the only reader: it holds personal data). Key: contact id. */
    public static final String CONTACTS_RECEIVED = "contacts.received";
    /** routing-service → metrics-service. One record per routing decision (hop). Key: contact id. */
    public static final String CONTACTS_ROUTED = "contacts.routed";
    /** chain-team-service → routing-service (transfers), metrics-service. Key: contact id. */
    public static final String CONTACTS_LIFECYCLE = "contacts.lifecycle";
    /** back offices → knowledge-service, routing-service. Compacted. Key: case reference. */
    public static final String CASES_STATUS = "cases.status";

    /** knowledge-service → routing-service. Compacted, keyed by id, tombstone on delete. */
    public static final String KNOWLEDGE_TEAMS = "knowledge.teams";
    public static final String KNOWLEDGE_PRODUCTS = "knowledge.products";
    public static final String KNOWLEDGE_CATEGORIES = "knowledge.categories";
    public static final String KNOWLEDGE_ARTICLES = "knowledge.articles";

    /** routing-service → chain-team-service and the team's partner organisations. Key: contact id. */
    public static final String TEAM_CONTACTS_PREFIX = "team.";
    public static final String TEAM_CONTACTS_SUFFIX = ".contacts";
    /** Pattern subscription for every team topic, so that a new team needs no redeploy. */
    public static final String TEAM_CONTACTS_PATTERN = "team\\.[a-z0-9-]+\\.contacts";
    private static final Pattern TEAM_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** Suffix of the dead-letter topic of a consumed topic. */
    public static final String DLQ_SUFFIX = ".dlq";
    /** Dead-letter topic of the team-topic pattern subscription (chain-team-service). */
    public static final String TEAM_CONTACTS_DLQ = "team.contacts.dlq";

    /** Topics with a fixed name (team topics are derived from team ids). */
    public static final List<String> FIXED = List.of(
            CONTACTS_RECEIVED, CONTACTS_ROUTED, CONTACTS_LIFECYCLE, CASES_STATUS,
            KNOWLEDGE_TEAMS, KNOWLEDGE_PRODUCTS, KNOWLEDGE_CATEGORIES, KNOWLEDGE_ARTICLES);

    /** Dead-letter topics, one per consumed topic. */
    public static final List<String> DEAD_LETTER = List.of(
            CONTACTS_RECEIVED + DLQ_SUFFIX, CONTACTS_ROUTED + DLQ_SUFFIX, CONTACTS_LIFECYCLE + DLQ_SUFFIX,
            CASES_STATUS + DLQ_SUFFIX, KNOWLEDGE_TEAMS + DLQ_SUFFIX, KNOWLEDGE_PRODUCTS + DLQ_SUFFIX,
            KNOWLEDGE_CATEGORIES + DLQ_SUFFIX, KNOWLEDGE_ARTICLES + DLQ_SUFFIX, TEAM_CONTACTS_DLQ);

    private Topics() {
    }

    public static String teamContacts(String teamId) {
        if (teamId == null || !TEAM_ID.matcher(teamId).matches()) {
            throw new IllegalArgumentException("Not a valid team id: " + teamId);
        }
        return TEAM_CONTACTS_PREFIX + teamId + TEAM_CONTACTS_SUFFIX;
    }

    public static String deadLetter(String topic) {
        return topic + DLQ_SUFFIX;
    }

    /** Whether {@code topic} is a team topic {@code team.<teamId>.contacts}. */
    public static boolean isTeamTopic(String topic) {
        return topic != null && topic.matches(TEAM_CONTACTS_PATTERN);
    }

    /**
     * The dead-letter topic for a record consumed from {@code consumedTopic}: {@code <topic>.dlq}, except that every
     * team topic shares {@link #TEAM_CONTACTS_DLQ} (they are consumed by one pattern subscription).
     */
    public static String deadLetterOf(String consumedTopic) {
        return isTeamTopic(consumedTopic) ? TEAM_CONTACTS_DLQ : deadLetter(consumedTopic);
    }
}
