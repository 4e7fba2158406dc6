package nl.loket.deploy;

import java.util.Map;
import java.util.Set;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingPolicy;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingRules;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetSpec;

/**
 * The enumerated fields of the Kubernetes core objects Loket renders, with the values the API server accepts
 * (the "Possible enum values" of the Kubernetes 1.32 API reference / the {@code enum} lists of its OpenAPI v3
 * document). Kubernetes' Java models type them as plain strings, so this table is the enum part of the schema;
 * {@code KubernetesEnumsTest} proves every entry names a real property. Capability names are not an enum.
 */
final class KubernetesEnums {

    private static final Set<String> PROTOCOLS = Set.of("TCP", "UDP", "SCTP");

    static final Map<Class<?>, Map<String, Set<String>>> TABLE = Map.ofEntries(
            Map.entry(Container.class, Map.of(
                    "imagePullPolicy", Set.of("Always", "IfNotPresent", "Never"),
                    "terminationMessagePolicy", Set.of("File", "FallbackToLogsOnError"))),
            Map.entry(ContainerPort.class, Map.of("protocol", PROTOCOLS)),
            Map.entry(ServicePort.class, Map.of("protocol", PROTOCOLS)),
            Map.entry(NetworkPolicyPort.class, Map.of("protocol", PROTOCOLS)),
            Map.entry(ServiceSpec.class, Map.of(
                    "type", Set.of("ClusterIP", "NodePort", "LoadBalancer", "ExternalName"),
                    "sessionAffinity", Set.of("None", "ClientIP"),
                    "externalTrafficPolicy", Set.of("Cluster", "Local"),
                    "internalTrafficPolicy", Set.of("Cluster", "Local"),
                    "ipFamilyPolicy", Set.of("SingleStack", "PreferDualStack", "RequireDualStack"))),
            Map.entry(SeccompProfile.class, Map.of("type", Set.of("RuntimeDefault", "Localhost", "Unconfined"))),
            Map.entry(PodSpec.class, Map.of(
                    "restartPolicy", Set.of("Always", "OnFailure", "Never"),
                    "dnsPolicy", Set.of("ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"),
                    "preemptionPolicy", Set.of("PreemptLowerPriority", "Never"))),
            Map.entry(PodSecurityContext.class, Map.of("fsGroupChangePolicy", Set.of("OnRootMismatch", "Always"))),
            Map.entry(DeploymentStrategy.class, Map.of("type", Set.of("Recreate", "RollingUpdate"))),
            Map.entry(HTTPGetAction.class, Map.of("scheme", Set.of("HTTP", "HTTPS"))),
            Map.entry(NetworkPolicySpec.class, Map.of("policyTypes", Set.of("Ingress", "Egress"))),
            Map.entry(TopologySpreadConstraint.class, Map.of(
                    "whenUnsatisfiable", Set.of("DoNotSchedule", "ScheduleAnyway"),
                    "nodeAffinityPolicy", Set.of("Honor", "Ignore"),
                    "nodeTaintsPolicy", Set.of("Honor", "Ignore"))),
            Map.entry(LabelSelectorRequirement.class, Map.of("operator", Set.of("In", "NotIn", "Exists", "DoesNotExist"))),
            Map.entry(Toleration.class, Map.of(
                    "operator", Set.of("Exists", "Equal"),
                    "effect", Set.of("NoSchedule", "PreferNoSchedule", "NoExecute"))),
            Map.entry(VolumeMount.class, Map.of("mountPropagation", Set.of("None", "HostToContainer", "Bidirectional"))),
            Map.entry(PodDisruptionBudgetSpec.class, Map.of("unhealthyPodEvictionPolicy", Set.of("IfHealthyBudget", "AlwaysAllow"))),
            Map.entry(MetricSpec.class, Map.of("type", Set.of("ContainerResource", "External", "Object", "Pods", "Resource"))),
            Map.entry(MetricTarget.class, Map.of("type", Set.of("AverageValue", "Utilization", "Value"))),
            Map.entry(HPAScalingPolicy.class, Map.of("type", Set.of("Pods", "Percent"))),
            Map.entry(HPAScalingRules.class, Map.of("selectPolicy", Set.of("Max", "Min", "Disabled"))));

    private KubernetesEnums() {
    }

    static Set<String> allowed(Class<?> type, String property) {
        Map<String, Set<String>> fields = TABLE.get(type);
        return fields == null ? null : fields.get(property);
    }
}
