package nl.loket.deploy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The ACLs of KafkaUsers, and the ACLs the AsyncAPI document says each service needs. */
final class KafkaAcls {

    /** One rule, operations merged per resource. */
    record Acl(String type, String name, String patternType, Set<String> operations) {

        String resource() {
            return type + ":" + patternType + ":" + name;
        }

        boolean covers(String type, String name) {
            return this.type.equals(type)
                    && ("prefix".equals(patternType) ? name.startsWith(this.name) : name.equals(this.name));
        }

        @Override
        public String toString() {
            return resource() + " " + operations;
        }
    }

    /**
     * What the document cannot say: routing-service rebuilds its view of the compacted knowledge topics with a
     * consumer group per instance (routing-service-view-<pod>), so that every instance reads every partition.
     */
    static final Map<String, Set<Acl>> EXTRA = Map.of("routing-service",
            Set.of(new Acl("group", "routing-service-view-", "prefix", Set.of("Read"))));

    static final String BACK_OFFICES = "back offices";

    private KafkaAcls() {
    }

    /** The user's rules, merged by resource: resource -> rule. */
    static Map<String, Acl> of(Map<String, Object> kafkaUser) {
        Map<String, Acl> merged = new TreeMap<>();
        for (Map<String, Object> rule : Rendered.maps(kafkaUser, "spec", "authorization", "acls")) {
            Map<String, Object> resource = Rendered.map(rule, "resource");
            String type = (String) resource.get("type");
            String name = String.valueOf(resource.getOrDefault("name", "*"));
            String pattern = (String) resource.getOrDefault("patternType", "literal");
            Set<String> ops = new TreeSet<>();
            Rendered.list(rule, "operations").forEach(o -> ops.add(String.valueOf(o)));
            merge(merged, new Acl(type, name, pattern, ops));
        }
        return merged;
    }

    private static void merge(Map<String, Acl> merged, Acl acl) {
        merged.merge(acl.resource(), acl, (a, b) -> {
            Set<String> ops = new TreeSet<>(a.operations());
            ops.addAll(b.operations());
            return new Acl(a.type(), a.name(), a.patternType(), ops);
        });
    }

    /** What a producer/consumer role in the document means in ACLs. */
    static Map<String, Acl> expectedFor(String principal) {
        Map<String, Acl> expected = new TreeMap<>();
        boolean consumes = false;
        for (AsyncApi.Channel channel : AsyncApi.channels()) {
            for (String topic : channel.topics()) {
                if (channel.producers().contains(principal)) {
                    merge(expected, new Acl("topic", topic, "literal", Set.of("Describe", "Write")));
                }
                if (!channel.isDeadLetter() && channel.consumers().contains(principal)) {
                    merge(expected, new Acl("topic", topic, "literal", Set.of("Describe", "Read")));
                    consumes = true;
                }
            }
        }
        if (consumes) {
            merge(expected, new Acl("group", principal, "literal", Set.of("Read")));
        }
        EXTRA.getOrDefault(principal, Set.of()).forEach(acl -> merge(expected, acl));
        return expected;
    }

    static boolean grants(Map<String, Acl> acls, String type, String name, String operation) {
        return acls.values().stream().anyMatch(a -> a.covers(type, name) && a.operations().contains(operation));
    }

    /** Some prefix rule covers every name that starts with {@code prefix}. */
    static boolean grantsPrefix(Map<String, Acl> acls, String type, String prefix, String operation) {
        return acls.values().stream().anyMatch(a -> a.type().equals(type) && "prefix".equals(a.patternType())
                && prefix.startsWith(a.name()) && a.operations().contains(operation));
    }

    static String describe(Map<String, Acl> acls) {
        return acls.values().stream().map(Acl::toString).collect(Collectors.joining("\n  ", "\n  ", ""));
    }

    static List<Map<String, Object>> users(List<Map<String, Object>> objects, String role) {
        return Rendered.ofKind(objects, "KafkaUser")
                .filter(u -> role.equals(Rendered.map(u, "metadata", "labels").get("loket.nl/role"))).toList();
    }
}
