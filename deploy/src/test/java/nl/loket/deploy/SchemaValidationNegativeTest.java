package nl.loket.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The validator catches what a cluster would reject (or silently ignore): a misspelled field, a wrong type, a missing
 * required field and a bad enum value, for each family of objects. Each case breaks one valid rendered object.
 */
class SchemaValidationNegativeTest {

    private static Map<String, Object> rendered(String kind, String name) {
        Map<String, Object> object = Rendered.deepCopy(Rendered.one(Rendered.overlay("dev"), kind, name));
        assertThat(ManifestValidator.validate(object)).as("the unbroken " + kind + " is valid").isEmpty();
        return object;
    }

    private static List<String> violations(Map<String, Object> object) {
        return ManifestValidator.validate(object);
    }

    @Nested
    class Kubernetes {

        @Test
        void misspelledFieldIsRejected() {
            Map<String, Object> deployment = rendered("Deployment", "intake-service");
            Map<String, Object> container = Rendered.container(deployment);
            container.put("readynessProbe", container.remove("readinessProbe"));

            assertThat(violations(deployment)).anySatisfy(v -> assertThat(v).contains("readynessProbe"));
        }

        @Test
        void wrongTypeIsRejected() {
            Map<String, Object> deployment = rendered("Deployment", "intake-service");
            Rendered.map(deployment, "spec").put("replicas", "three");

            assertThat(violations(deployment)).anySatisfy(v -> assertThat(v).contains("replicas"));
        }

        @Test
        void numberWrittenAsStringIsRejected() {
            Map<String, Object> service = rendered("Service", "routing-service");
            Rendered.maps(service, "spec", "ports").get(0).put("port", "80");

            assertThat(violations(service)).anySatisfy(v -> assertThat(v).contains("port"));
        }

        @Test
        void missingRequiredFieldIsRejected() {
            Map<String, Object> deployment = rendered("Deployment", "intake-service");
            Rendered.container(deployment).remove("name");

            assertThat(violations(deployment)).anySatisfy(v -> assertThat(v).contains("`name`"));
        }

        @Test
        void missingRequiredSelectorIsRejected() {
            Map<String, Object> deployment = rendered("Deployment", "metrics-service");
            Rendered.map(deployment, "spec").remove("selector");

            assertThat(violations(deployment)).anySatisfy(v -> assertThat(v).contains("`selector`"));
        }

        @Test
        void badEnumValueIsRejected() {
            Map<String, Object> deployment = rendered("Deployment", "intake-service");
            Rendered.container(deployment).put("imagePullPolicy", "Sometimes");

            assertThat(violations(deployment)).anySatisfy(v -> assertThat(v).contains("imagePullPolicy")
                    .contains("Sometimes"));
        }

        @Test
        void badEnumValueInAListIsRejected() {
            Map<String, Object> policy = rendered("NetworkPolicy", "knowledge-service");
            Rendered.map(policy, "spec").put("policyTypes", List.of("Ingress", "Outgress"));

            assertThat(violations(policy)).anySatisfy(v -> assertThat(v).contains("Outgress"));
        }

        @Test
        void unknownKindIsRejected() {
            Map<String, Object> object = Map.of("apiVersion", "example.com/v1", "kind", "Thing",
                    "metadata", Map.of("name", "x"));

            assertThat(violations(object)).anySatisfy(v -> assertThat(v).contains("no schema known"));
        }
    }

    @Nested
    class Strimzi {

        @Test
        void misspelledFieldIsRejected() {
            Map<String, Object> topic = rendered("KafkaTopic", "contacts.received");
            Map<String, Object> spec = Rendered.map(topic, "spec");
            spec.put("partitons", spec.remove("partitions"));

            assertThat(violations(topic)).anySatisfy(v -> assertThat(v).contains("partitons"));
        }

        @Test
        void wrongTypeIsRejected() {
            Map<String, Object> topic = rendered("KafkaTopic", "contacts.received");
            Rendered.map(topic, "spec").put("partitions", "six");

            assertThat(violations(topic)).anySatisfy(v -> assertThat(v).contains("partitions"));
        }

        @Test
        void missingRequiredFieldIsRejected() {
            Map<String, Object> user = rendered("KafkaUser", "partner-ggd");
            Rendered.maps(user, "spec", "authorization", "acls").get(0).remove("resource");

            assertThat(violations(user)).anySatisfy(v -> assertThat(v).contains("resource").contains("required"));
        }

        @Test
        void badEnumValueIsRejected() {
            Map<String, Object> user = rendered("KafkaUser", "partner-ggd");
            Rendered.maps(user, "spec", "authorization", "acls").get(0).put("operations", List.of("Reed"));

            assertThat(violations(user)).anySatisfy(v -> assertThat(v).contains("Reed"));
        }

        @Test
        void unknownAuthenticationTypeIsRejected() {
            Map<String, Object> user = rendered("KafkaUser", "intake-service");
            Rendered.map(user, "spec", "authentication").put("type", "scram-sha-1");

            assertThat(violations(user)).anySatisfy(v -> assertThat(v).contains("scram-sha-1"));
        }

        @Test
        void misspelledFieldDeepInTheKafkaClusterIsRejected() {
            Map<String, Object> kafka = rendered("Kafka", "loket");
            Rendered.maps(kafka, "spec", "kafka", "listeners").get(0).put("tsl", true);

            assertThat(violations(kafka)).anySatisfy(v -> assertThat(v).contains("tsl"));
        }
    }

    @Nested
    class CloudNativePg {

        @Test
        void misspelledFieldIsRejected() {
            Map<String, Object> cluster = rendered("Cluster", "intake-db");
            Map<String, Object> spec = Rendered.map(cluster, "spec");
            spec.put("instnces", spec.remove("instances"));

            assertThat(violations(cluster)).anySatisfy(v -> assertThat(v).contains("instnces"));
        }

        @Test
        void wrongTypeIsRejected() {
            Map<String, Object> cluster = rendered("Cluster", "intake-db");
            Rendered.map(cluster, "spec").put("instances", "three");

            assertThat(violations(cluster)).anySatisfy(v -> assertThat(v).contains("instances"));
        }

        @Test
        void missingRequiredFieldIsRejected() {
            Map<String, Object> cluster = rendered("Cluster", "intake-db");
            Rendered.map(cluster, "spec").remove("instances");

            assertThat(violations(cluster)).anySatisfy(v -> assertThat(v).contains("spec.instances")
                    .contains("required"));
        }

        @Test
        void badEnumValueIsRejected() {
            Map<String, Object> cluster = rendered("Cluster", "intake-db");
            Rendered.map(cluster, "spec").put("primaryUpdateStrategy", "whenever");

            assertThat(violations(cluster)).anySatisfy(v -> assertThat(v).contains("whenever"));
        }

        @Test
        void misspelledResourceFieldIsRejected() {
            Map<String, Object> cluster = rendered("Cluster", "intake-db");
            Rendered.map(cluster, "spec", "resources").put("limit", Map.of("memory", "1Gi"));

            assertThat(violations(cluster)).anySatisfy(v -> assertThat(v).contains("limit"));
        }
    }
}
