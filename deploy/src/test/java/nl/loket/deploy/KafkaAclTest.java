package nl.loket.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import nl.loket.contracts.DefaultTeams;
import nl.loket.contracts.Topics;

/** Every Kafka client gets exactly the access it needs: the services, the back offices and the chain partners. */
class KafkaAclTest {

    private static final List<Map<String, Object>> PROD = Rendered.overlay("prod");

    @ParameterizedTest
    @MethodSource("nl.loket.deploy.ServiceList#kafkaClients")
    void serviceUserHasExactlyTheAclsTheAsyncApiDocumentGivesIt(String service) {
        Map<String, KafkaAcls.Acl> actual = KafkaAcls.of(Rendered.one(PROD, "KafkaUser", service));
        Map<String, KafkaAcls.Acl> expected = KafkaAcls.expectedFor(service);

        assertThat(actual).as("ACLs of KafkaUser " + service + "; the AsyncAPI document (x-loket producers/"
                + "consumers, dead letters) gives:" + KafkaAcls.describe(expected)).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("nl.loket.deploy.ServiceList#kafkaClients")
    void everyTopicAndGroupTheServiceConfigurationUsesIsGranted(String service) {
        Optional<ServiceConfig> config = ServiceConfig.load(service);
        if (config.isEmpty()) {
            System.out.println("[deploy] " + service + " has no application.properties yet: nothing to check");
            return;
        }
        Map<String, KafkaAcls.Acl> acls = KafkaAcls.of(Rendered.one(PROD, "KafkaUser", service));
        Set<String> used = new TreeSet<>();
        List<String> missing = ungranted(config.get(), acls, kafkaTopics(), used);

        assertThat(missing).as(service + " uses (" + ServiceConfig.file(service) + ") what its KafkaUser does not grant;"
                + " grants:" + KafkaAcls.describe(acls)).isEmpty();
        List<String> unused = acls.values().stream()
                .filter(a -> used.stream().noneMatch(u -> u.equals(a.type() + ":" + a.name())
                        || u.equals("group-prefix:" + a.name()) && "prefix".equals(a.patternType())))
                .map(KafkaAcls.Acl::toString).toList();
        if (!unused.isEmpty()) {
            // The ACLs follow the AsyncAPI document (asserted above); a service still being built may not use all yet.
            System.out.println("[deploy] " + service + ": ACLs its SmallRye channel configuration does not (yet) use: "
                    + unused);
        }
    }

    @Test
    void aServiceThatIsNoKafkaClientHasNoKafkaUserAndConfiguresNoKafkaChannel() {
        List<String> others = ServiceList.names().stream().filter(s -> !ServiceList.kafkaClients().contains(s)).toList();
        assertThat(others).as("the services the AsyncAPI document names neither as producer nor as consumer")
                .containsExactly("workspace");
        for (String service : others) {
            assertThat(Rendered.ofKind(PROD, "KafkaUser").map(Rendered::name)).as("KafkaUsers").doesNotContain(service);
            ServiceConfig.load(service).ifPresent(config -> assertThat(config.kafkaChannels())
                    .as(service + " is no producer or consumer of the AsyncAPI document, so it has no KafkaUser").isEmpty());
        }
    }

    static Set<String> kafkaTopics() {
        Set<String> kafkaTopics = new TreeSet<>();
        Rendered.ofKind(PROD, "KafkaTopic").forEach(t -> kafkaTopics.add(Rendered.name(t)));
        return kafkaTopics;
    }

    /** What the service's channels use that the ACLs do not grant; fills {@code used} with what they use. */
    static List<String> ungranted(ServiceConfig config, Map<String, KafkaAcls.Acl> acls, Set<String> kafkaTopics,
            Set<String> used) {
        List<String> missing = new ArrayList<>();

        for (ServiceConfig.KafkaChannel channel : config.kafkaChannels()) {
            String where = "channel " + channel.name() + ": ";
            if (channel.incoming()) {
                List<String> topics = channel.pattern()
                        ? kafkaTopics.stream().filter(Pattern.compile(channel.topic()).asMatchPredicate()).toList()
                        : List.of(channel.topic().split(","));
                if (topics.isEmpty()) {
                    missing.add(where + "pattern " + channel.topic() + " matches no KafkaTopic");
                }
                for (String topic : topics) {
                    used.add("topic:" + topic.trim());
                    for (String op : List.of("Describe", "Read")) {
                        if (!KafkaAcls.grants(acls, "topic", topic.trim(), op)) {
                            missing.add(where + op + " on topic " + topic.trim());
                        }
                    }
                }
                String group = channel.groupId();
                int expression = group.indexOf("${");
                if (expression >= 0) {
                    String prefix = group.substring(0, expression);
                    used.add("group-prefix:" + prefix);
                    if (!KafkaAcls.grantsPrefix(acls, "group", prefix, "Read")) {
                        missing.add(where + "Read on every group starting with " + prefix + " (group.id " + group + ")");
                    }
                } else {
                    used.add("group:" + group);
                    if (!KafkaAcls.grants(acls, "group", group, "Read")) {
                        missing.add(where + "Read on group " + group);
                    }
                }
                if (channel.deadLetterTopic() != null) {
                    used.add("topic:" + channel.deadLetterTopic());
                    for (String op : List.of("Describe", "Write")) {
                        if (!KafkaAcls.grants(acls, "topic", channel.deadLetterTopic(), op)) {
                            missing.add(where + op + " on dead-letter topic " + channel.deadLetterTopic());
                        }
                    }
                }
            } else {
                used.add("topic:" + channel.topic());
                for (String op : List.of("Describe", "Write")) {
                    if (!KafkaAcls.grants(acls, "topic", channel.topic(), op)) {
                        missing.add(where + op + " on topic " + channel.topic());
                    }
                }
            }
        }

        return missing;
    }

    @Test
    void backOfficesMayOnlyWriteTheTopicsTheDocumentSaysTheyProduce() {
        List<Map<String, Object>> backOffices = KafkaAcls.users(PROD, "back-office");
        assertThat(backOffices).isNotEmpty();
        for (Map<String, Object> user : backOffices) {
            assertThat(KafkaAcls.of(user)).as(Rendered.name(user))
                    .isEqualTo(KafkaAcls.expectedFor(KafkaAcls.BACK_OFFICES));
        }
    }

    @Test
    void partnerUsersReadOnlyTheirOwnTeamTopicWithTheirOwnGroup() {
        List<Map<String, Object>> partners = KafkaAcls.users(PROD, "chain-partner");
        assertThat(partners).hasSizeGreaterThanOrEqualTo(DefaultTeams.CHAIN_TEAMS.size());
        for (Map<String, Object> partner : partners) {
            String name = Rendered.name(partner);
            String team = (String) Rendered.map(partner, "metadata", "labels").get("loket.nl/team");
            assertThat(team).as(name + " team").isIn(DefaultTeams.CHAIN_TEAMS);
            assertThat(name).startsWith("partner-");

            Map<String, KafkaAcls.Acl> acls = KafkaAcls.of(partner);

            assertThat(acls.values()).as(name + " may read " + Topics.teamContacts(team) + " with group " + name
                    + " and nothing else").containsExactlyInAnyOrder(
                    new KafkaAcls.Acl("topic", Topics.teamContacts(team), "literal", Set.of("Describe", "Read")),
                    new KafkaAcls.Acl("group", name, "literal", Set.of("Read")));
        }
    }

    @Test
    void everyChainTeamHasAPartnerAndEveryPartnerItsOwnGroup() {
        List<Map<String, Object>> partners = KafkaAcls.users(PROD, "chain-partner");
        Set<String> teams = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        for (Map<String, Object> partner : partners) {
            teams.add((String) Rendered.map(partner, "metadata", "labels").get("loket.nl/team"));
            KafkaAcls.of(partner).values().stream().filter(a -> a.type().equals("group"))
                    .forEach(a -> assertThat(groups.add(a.name())).as("group " + a.name() + " is shared").isTrue());
        }
        assertThat(teams).containsExactlyInAnyOrderElementsOf(DefaultTeams.CHAIN_TEAMS);
    }

    /**
     * metrics-service processes no personal data: it may read contacts.routed and contacts.lifecycle, not
     * contacts.received (text, citizen details, citizen reference) nor any team topic, a future one included.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void metricsServiceReadsNoTopicWithPersonalData(String overlay) {
        Map<String, KafkaAcls.Acl> acls = KafkaAcls.of(Rendered.one(Rendered.overlay(overlay), "KafkaUser",
                "metrics-service"));
        List<String> withPersonalData = new ArrayList<>(List.of(Topics.CONTACTS_RECEIVED,
                Topics.teamContacts("a-team-added-later")));
        DefaultTeams.ALL.forEach(team -> withPersonalData.add(Topics.teamContacts(team)));
        for (String topic : withPersonalData) {
            for (String op : List.of("Read", "Describe")) {
                assertThat(KafkaAcls.grants(acls, "topic", topic, op)).as("metrics-service may " + op + " " + topic)
                        .isFalse();
            }
        }
        List<String> read = acls.values().stream()
                .filter(a -> a.type().equals("topic") && a.operations().contains("Read")).map(KafkaAcls.Acl::name)
                .toList();
        assertThat(read).containsExactlyInAnyOrder(Topics.CONTACTS_ROUTED, Topics.CONTACTS_LIFECYCLE);
    }

    /** Besides routing-service, only the operator's dead-letter replay hands a record back to a team topic. */
    @Test
    void onlyRoutingServiceWritesTeamTopics() {
        Rendered.ofKind(PROD, "KafkaUser").filter(user -> !isOperator(user)).forEach(user -> {
            boolean writesTeamTopic = KafkaAcls.of(user).values().stream()
                    .anyMatch(a -> a.type().equals("topic") && a.name().startsWith(Topics.TEAM_CONTACTS_PREFIX)
                            && a.name().endsWith(Topics.TEAM_CONTACTS_SUFFIX) && a.operations().contains("Write"));
            assertThat(writesTeamTopic).as(Rendered.name(user) + " writes a team topic")
                    .isEqualTo(Rendered.name(user).equals("routing-service"));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyClientIsAScramUserWithNarrowRulesOnTheLoketCluster(String overlay) {
        List<Map<String, Object>> objects = Rendered.overlay(overlay);
        List<String> users = new ArrayList<>();
        Rendered.ofKind(objects, "KafkaUser").forEach(user -> {
            String name = Rendered.name(user);
            users.add(name);
            assertThat(Rendered.string(user, "metadata", "labels", "strimzi.io/cluster")).as(name).isEqualTo("loket");
            assertThat(Rendered.string(user, "spec", "authentication", "type")).as(name).isEqualTo("scram-sha-512");
            assertThat(Rendered.string(user, "spec", "authorization", "type")).as(name).isEqualTo("simple");
            KafkaAcls.of(user).values().forEach(acl -> {
                assertThat(acl.type()).as(name + " " + acl).isIn("topic", "group");
                assertThat(acl.name()).as(name + " " + acl).isNotEqualTo("*");
                assertThat(acl.operations()).as(name + " " + acl).isSubsetOf("Describe", "Read", "Write");
                if ("prefix".equals(acl.patternType())) {
                    assertThat(acl.type()).as(name + ": only consumer groups may be matched by prefix").isEqualTo("group");
                }
            });
        });
        List<String> expected = new ArrayList<>(ServiceList.kafkaClients());
        KafkaAcls.users(objects, "chain-partner").forEach(u -> expected.add(Rendered.name(u)));
        KafkaAcls.users(objects, "back-office").forEach(u -> expected.add(Rendered.name(u)));
        KafkaAcls.users(objects, "operator").forEach(u -> expected.add(Rendered.name(u)));
        assertThat(users).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theOperatorReadsEveryDeadLetterTopicAndWritesOnlyWhereItsRecordsCameFrom() {
        List<Map<String, Object>> operators = KafkaAcls.users(PROD, "operator");
        assertThat(operators).hasSize(1);
        Map<String, KafkaAcls.Acl> acls = KafkaAcls.of(operators.get(0));
        for (String dlq : Topics.DEAD_LETTER) {
            assertThat(acls.values()).as("read " + dlq).anyMatch(a -> a.name().equals(dlq)
                    && a.operations().contains("Read") && !a.operations().contains("Write"));
        }
        acls.values().stream().filter(a -> a.operations().contains("Write")).forEach(a -> assertThat(
                Topics.FIXED.contains(a.name()) || Topics.isTeamTopic(a.name())).as("writes " + a.name()).isTrue());
        assertThat(acls.values()).noneMatch(a -> a.type().equals("group"));
    }

    private static boolean isOperator(Map<String, Object> user) {
        return "operator".equals(Rendered.map(user, "metadata", "labels").get("loket.nl/role"));
    }
}
