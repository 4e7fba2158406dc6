package nl.loket.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

/**
 * A typed check of CloudNativePG's {@code postgresql.cnpg.io/v1 Cluster}: the part of its schema Loket uses,
 * transcribed from the CloudNativePG 1.27 API reference (ClusterSpec, BootstrapConfiguration,
 * BootstrapInitDB, StorageConfiguration, PostgresConfiguration, AffinityConfiguration, MonitoringConfiguration).
 * CloudNativePG publishes its CRD neither on Maven Central nor on npm, so the CRD cannot be read here; instead a
 * field outside this subset fails (unknown fields are rejected, so a misspelling cannot pass, and a field we
 * start using must be added here on purpose), types are Java types, enums are Java enums, and the CRD's required
 * fields are checked in {@link #violations()}.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
record CnpgCluster(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    /** ClusterSpec (subset). CRD: {@code required: [instances]}; {@code instances} minimum 1. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    record Spec(String description, Integer instances, String imageName, String imagePullPolicy,
            PrimaryUpdateStrategy primaryUpdateStrategy, PrimaryUpdateMethod primaryUpdateMethod,
            Boolean enableSuperuserAccess, Bootstrap bootstrap, Storage storage, Storage walStorage,
            ResourceRequirements resources, Postgresql postgresql, Affinity affinity, Monitoring monitoring,
            Integer startDelay, Integer stopDelay, Integer switchoverDelay, Integer maxSyncReplicas,
            Integer minSyncReplicas) {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Bootstrap(InitDb initdb) {
    }

    /** BootstrapInitDB: database and owner default to "app"; Loket names them after the service. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    record InitDb(String database, String owner, String encoding, String localeCollate, String localeCType,
            Boolean dataChecksums, List<String> postInitApplicationSQL) {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Storage(String size, String storageClass, Boolean resizeInUseVolumes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Postgresql(Map<String, String> parameters, List<String> pg_hba) {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Affinity(Boolean enablePodAntiAffinity, String topologyKey, PodAntiAffinityType podAntiAffinityType,
            Map<String, String> nodeSelector) {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Monitoring(Boolean enablePodMonitor, Boolean disableDefaultQueries) {
    }

    enum PrimaryUpdateStrategy {
        @JsonProperty("unsupervised") UNSUPERVISED,
        @JsonProperty("supervised") SUPERVISED
    }

    enum PrimaryUpdateMethod {
        @JsonProperty("switchover") SWITCHOVER,
        @JsonProperty("restart") RESTART
    }

    enum PodAntiAffinityType {
        @JsonProperty("preferred") PREFERRED,
        @JsonProperty("required") REQUIRED
    }

    /** What the CRD requires beyond the types: metadata.name, spec, spec.instances >= 1, a storage size. */
    List<String> violations() {
        List<String> violations = new ArrayList<>();
        if (metadata == null || metadata.getName() == null) {
            violations.add("metadata.name: required field is missing");
        }
        if (spec == null) {
            violations.add("spec: required field is missing");
            return violations;
        }
        if (spec.instances() == null) {
            violations.add("spec.instances: required field is missing");
        } else if (spec.instances() < 1) {
            violations.add("spec.instances: must be at least 1, is " + spec.instances());
        }
        if (spec.storage() == null || spec.storage().size() == null) {
            violations.add("spec.storage.size: required field is missing (no pvcTemplate is used)");
        }
        if (spec.bootstrap() != null && spec.bootstrap().initdb() != null) {
            InitDb initdb = spec.bootstrap().initdb();
            if ((initdb.database() == null) != (initdb.owner() == null)) {
                violations.add("spec.bootstrap.initdb: database and owner go together");
            }
        }
        return violations;
    }
}
