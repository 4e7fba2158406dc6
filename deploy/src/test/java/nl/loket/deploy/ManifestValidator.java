package nl.loket.deploy;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * Checks one rendered object against the schema of its kind, offline.
 * <ul>
 * <li>Kubernetes core objects: fabric8's typed model (wrong types fail to bind; a field the model does not know
 * lands in {@code additionalProperties}, which the walk reports), the Kubernetes OpenAPI document as compiled into
 * Kubernetes' own Java client ({@code validateJsonElement}: required fields and unknown fields), and
 * {@link KubernetesEnums} for enumerated strings.</li>
 * <li>Strimzi: the typed model of {@code io.strimzi:api} (the classes its CRDs are generated from): types, Java
 * enums, unknown fields via {@code additionalProperties}, {@code @JsonProperty(required = true)} and deprecated
 * properties (which the {@code v1} API drops).</li>
 * <li>CloudNativePG: {@link CnpgCluster}.</li>
 * </ul>
 * Any other kind is a violation: nothing reaches a cluster unchecked.
 */
final class ManifestValidator {

    /** Binds strictly: no "3" for 3, no scalar where an object belongs, no unknown field in a record. */
    static final ObjectMapper STRICT = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .build();

    /** Writes every property, defaults and nulls included, whatever the model's {@code @JsonInclude} says. */
    private static final ObjectMapper ALL_PROPERTIES = STRICT.copy()
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public JsonInclude.Value findPropertyInclusion(Annotated annotated) {
                    return JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS);
                }
            });

    private record Schema(Class<?> type, String openApiModel) {
    }

    private static final Map<String, Schema> KUBERNETES = Map.of(
            "v1/ConfigMap", new Schema(ConfigMap.class, "V1ConfigMap"),
            "v1/Secret", new Schema(Secret.class, "V1Secret"),
            "v1/Service", new Schema(Service.class, "V1Service"),
            "v1/ServiceAccount", new Schema(ServiceAccount.class, "V1ServiceAccount"),
            "v1/Namespace", new Schema(Namespace.class, "V1Namespace"),
            "apps/v1/Deployment", new Schema(Deployment.class, "V1Deployment"),
            "networking.k8s.io/v1/NetworkPolicy", new Schema(NetworkPolicy.class, "V1NetworkPolicy"),
            "policy/v1/PodDisruptionBudget", new Schema(PodDisruptionBudget.class, "V1PodDisruptionBudget"),
            "autoscaling/v2/HorizontalPodAutoscaler",
            new Schema(HorizontalPodAutoscaler.class, "V2HorizontalPodAutoscaler"));

    /** Strimzi 0.49 serves v1beta2 and v1; Loket uses v1beta2 without deprecated fields, so v1 needs no change. */
    private static final Set<String> STRIMZI_VERSIONS = Set.of("kafka.strimzi.io/v1beta2", "kafka.strimzi.io/v1");
    private static final Map<String, Class<?>> STRIMZI = Map.of(
            "Kafka", Kafka.class,
            "KafkaNodePool", KafkaNodePool.class,
            "KafkaTopic", KafkaTopic.class,
            "KafkaUser", KafkaUser.class);

    private ManifestValidator() {
    }

    /** Violations of the object's schema, each "Kind name: path: what is wrong"; empty when it is valid. */
    static List<String> validate(Map<String, Object> object) {
        String apiVersion = String.valueOf(object.get("apiVersion"));
        String kind = String.valueOf(object.get("kind"));
        Object metadata = object.get("metadata");
        Object name = metadata instanceof Map<?, ?> m ? m.get("name") : null;
        String where = kind + " " + name + ": ";
        List<String> violations = new ArrayList<>();

        Schema kubernetes = KUBERNETES.get(apiVersion + "/" + kind);
        if (kubernetes != null) {
            Object typed = bind(object, kubernetes.type(), where, violations);
            if (typed != null) {
                walk(typed, "", where, violations);
                lostValues(STRICT.valueToTree(object), ALL_PROPERTIES.valueToTree(typed), "", where, violations);
            }
            openApi(object, kubernetes.openApiModel(), where, violations);
        } else if (STRIMZI_VERSIONS.contains(apiVersion) && STRIMZI.containsKey(kind)) {
            Object typed = bind(object, STRIMZI.get(kind), where, violations);
            if (typed != null) {
                walk(typed, "", where, violations);
                lostValues(STRICT.valueToTree(object), ALL_PROPERTIES.valueToTree(typed), "", where, violations);
            }
        } else if ("postgresql.cnpg.io/v1".equals(apiVersion) && "Cluster".equals(kind)) {
            CnpgCluster typed = (CnpgCluster) bind(object, CnpgCluster.class, where, violations);
            if (typed != null) {
                typed.violations().forEach(v -> violations.add(where + v));
                walk(typed.metadata(), ".metadata", where, violations);
                if (typed.spec() != null) {
                    walk(typed.spec().resources(), ".spec.resources", where, violations);
                }
            }
        } else {
            violations.add(where + "no schema known for " + apiVersion + " " + kind
                    + " (add it to ManifestValidator before deploying it)");
        }
        return violations;
    }

    private static Object bind(Map<String, Object> object, Class<?> type, String where, List<String> violations) {
        try {
            return STRICT.convertValue(object, type);
        } catch (IllegalArgumentException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String message = cause instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : cause.getMessage();
            String path = cause instanceof com.fasterxml.jackson.databind.JsonMappingException jme
                    ? jme.getPathReference() : "";
            violations.add(where + message + " at " + path);
            return null;
        }
    }

    /** Unknown fields, missing required fields, deprecated fields and enum values, all the way down. */
    private static void walk(Object node, String path, String where, List<String> violations) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> collection) {
            int i = 0;
            for (Object element : collection) {
                if (element != null) {
                    walk(element, path + "[" + i + "]", where, violations);
                }
                i++;
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, where, violations));
            return;
        }
        Class<?> type = node.getClass();
        String pkg = type.getPackageName();
        if (!pkg.startsWith("io.fabric8.kubernetes.api.model") && !pkg.startsWith("io.strimzi.api")) {
            return;
        }
        Map<?, ?> unknown = additionalProperties(node);
        if (unknown != null && !unknown.isEmpty()) {
            violations.add(where + (path.isEmpty() ? "." : path) + ": unknown field(s) " + unknown.keySet()
                    + " (not in the schema of " + type.getSimpleName() + "; misspelled?)");
        }
        BeanDescription description = STRICT.getSerializationConfig().introspect(STRICT.constructType(type));
        for (BeanPropertyDefinition property : description.findProperties()) {
            if (!property.hasGetter() || "additionalProperties".equals(property.getName())) {
                continue;
            }
            String child = path + "." + property.getName();
            Object value;
            try {
                value = property.getGetter().getValue(node);
            } catch (RuntimeException e) {
                continue;
            }
            if (value == null) {
                if (property.isRequired()) {
                    violations.add(where + child + ": required field is missing");
                }
                continue;
            }
            if (isDeprecated(property.getGetter()) || isDeprecated(property.getField())) {
                violations.add(where + child + ": deprecated field (removed in the next API version)");
            }
            Set<String> allowed = KubernetesEnums.allowed(type, property.getName());
            if (allowed != null) {
                Collection<?> values = value instanceof Collection<?> c ? c : List.of(value);
                for (Object v : values) {
                    if (!allowed.contains(String.valueOf(v))) {
                        violations.add(where + child + ": \"" + v + "\" is not one of " + allowed);
                    }
                }
            }
            walk(value, child, where, violations);
        }
    }

    /**
     * A value the model could not represent: some of Strimzi's enums map an unknown string to null instead of
     * failing, so compare what was written with what the typed model writes back.
     */
    private static void lostValues(JsonNode written, JsonNode bound, String path, String where,
            List<String> violations) {
        if (written.isObject()) {
            written.properties().forEach(field -> {
                JsonNode other = bound == null ? null : bound.get(field.getKey());
                String child = path + "." + field.getKey();
                if (!field.getValue().isNull() && (other == null || other.isNull())) {
                    violations.add(where + child + ": " + field.getValue() + " is not a valid value");
                } else if (other != null) {
                    lostValues(field.getValue(), other, child, where, violations);
                }
            });
        } else if (written.isArray()) {
            for (int i = 0; i < written.size(); i++) {
                JsonNode other = bound == null ? null : bound.get(i);
                if (!written.get(i).isNull() && (other == null || other.isNull())) {
                    violations.add(where + path + "[" + i + "]: " + written.get(i) + " is not a valid value");
                } else if (other != null) {
                    lostValues(written.get(i), other, path + "[" + i + "]", where, violations);
                }
            }
        }
    }

    private static Map<?, ?> additionalProperties(Object node) {
        try {
            Method getter = node.getClass().getMethod("getAdditionalProperties");
            return getter.invoke(node) instanceof Map<?, ?> map ? map : null;
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }

    private static boolean isDeprecated(AnnotatedMember member) {
        if (member == null) {
            return false;
        }
        if (member.hasAnnotation(Deprecated.class)) {
            return true;
        }
        for (Annotation annotation : member.getAnnotated().getDeclaredAnnotations()) {
            if (annotation.annotationType().getName().equals("io.strimzi.api.annotations.DeprecatedProperty")) {
                return true;
            }
        }
        return false;
    }

    /** Required and unknown fields per the Kubernetes OpenAPI document (Kubernetes' Java client models). */
    private static void openApi(Map<String, Object> object, String model, String where, List<String> violations) {
        try {
            Class<?> type = Class.forName("io.kubernetes.client.openapi.models." + model);
            JsonElement json = JsonParser.parseString(STRICT.writeValueAsString(object));
            type.getMethod("validateJsonElement", JsonElement.class).invoke(null, json);
        } catch (InvocationTargetException e) {
            String message = String.valueOf(e.getCause().getMessage());
            int json = message.indexOf(" JSON: ");
            violations.add(where + "OpenAPI: " + (json > 0 ? message.substring(0, json) : message));
        } catch (ReflectiveOperationException | JsonProcessingException e) {
            throw new IllegalStateException("cannot validate against " + model, e);
        }
    }
}
