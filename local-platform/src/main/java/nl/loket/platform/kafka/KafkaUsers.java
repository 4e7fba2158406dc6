package nl.loket.platform.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The Kafka users and their ACLs as deploy/ declares them: the Strimzi KafkaUser manifests
 * {@code deploy/k8s/base/kafka/users-*.yaml}, copied onto the classpath at {@value #FOLDER} by this module's build
 * (the one source of truth; nothing here is a second list). The local broker ({@link LocalKafka}) creates exactly
 * these users (SCRAM-SHA-512) and ACLs.
 */
public final class KafkaUsers {

    /** Where the build puts deploy's users-*.yaml. */
    public static final String FOLDER = "loket/kafka-users";

    /** A KafkaUser: its name (the principal {@code User:<name>}), its role label and its ACLs. */
    public record User(String name, String role, List<AclBinding> acls) {
    }

    private KafkaUsers() {
    }

    /** Every KafkaUser of deploy/, in file and document order. */
    public static List<User> fromDeploy() {
        List<User> users = new ArrayList<>();
        for (String file : files()) {
            try (InputStream in = KafkaUsers.class.getClassLoader().getResourceAsStream(FOLDER + "/" + file)) {
                users.addAll(parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (users.isEmpty()) {
            throw new IllegalStateException("No KafkaUser in " + FOLDER + " on the classpath (deploy/k8s/base/kafka/users-*.yaml)");
        }
        return users;
    }

    /** The names of every KafkaUser of deploy/. */
    public static List<String> names() {
        return fromDeploy().stream().map(User::name).toList();
    }

    /** The KafkaUsers of one YAML stream (several documents allowed). */
    static List<User> parse(InputStream in) throws IOException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        List<User> users = new ArrayList<>();
        try (JsonParser parser = mapper.getFactory().createParser(in)) {
            MappingIterator<JsonNode> docs = mapper.readValues(parser, JsonNode.class);
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc == null || !"KafkaUser".equals(doc.path("kind").asText())) {
                    continue;
                }
                String name = doc.path("metadata").path("name").asText();
                String role = doc.path("metadata").path("labels").path("loket.nl/role").asText(null);
                List<AclBinding> acls = new ArrayList<>();
                for (JsonNode rule : doc.path("spec").path("authorization").path("acls")) {
                    JsonNode resource = rule.path("resource");
                    ResourcePattern pattern = new ResourcePattern(resourceType(resource.path("type").asText()),
                            resource.path("name").asText("*"),
                            "prefix".equals(resource.path("patternType").asText("literal")) ? PatternType.PREFIXED
                                    : PatternType.LITERAL);
                    AclPermissionType permission = "deny".equals(rule.path("type").asText("allow"))
                            ? AclPermissionType.DENY : AclPermissionType.ALLOW;
                    String host = rule.path("host").asText("*");
                    List<String> operations = new ArrayList<>();
                    rule.path("operations").forEach(o -> operations.add(o.asText()));
                    if (rule.has("operation")) {
                        operations.add(rule.get("operation").asText());
                    }
                    for (String operation : operations) {
                        acls.add(new AclBinding(pattern,
                                new AccessControlEntry("User:" + name, host, operation(operation), permission)));
                    }
                }
                users.add(new User(name, role, List.copyOf(acls)));
            }
        }
        return users;
    }

    private static ResourceType resourceType(String strimzi) {
        return switch (strimzi) {
            case "topic" -> ResourceType.TOPIC;
            case "group" -> ResourceType.GROUP;
            case "cluster" -> ResourceType.CLUSTER;
            case "transactionalId" -> ResourceType.TRANSACTIONAL_ID;
            default -> throw new IllegalArgumentException("Unknown KafkaUser resource type " + strimzi);
        };
    }

    /** Strimzi's {@code DescribeConfigs} is Kafka's {@code DESCRIBE_CONFIGS}. */
    private static AclOperation operation(String strimzi) {
        AclOperation op = AclOperation.fromString(strimzi.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
        if (op == AclOperation.UNKNOWN || op == AclOperation.ANY) {
            throw new IllegalArgumentException("Unknown ACL operation " + strimzi);
        }
        return op;
    }

    /** The users-*.yaml files in {@value #FOLDER}, from a folder or from a jar. */
    private static List<String> files() {
        URL url = KafkaUsers.class.getClassLoader().getResource(FOLDER);
        if (url == null) {
            throw new IllegalStateException(FOLDER + " is not on the classpath (local-platform's build copies deploy's users-*.yaml)");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                boolean opened = false;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                    opened = true;
                }
                try {
                    return list(fs.getPath(FOLDER));
                } finally {
                    if (opened) {
                        fs.close();
                    }
                }
            }
            return list(Path.of(uri));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("users-") && (n.endsWith(".yaml") || n.endsWith(".yml")))
                    .sorted().toList();
        }
    }
}
