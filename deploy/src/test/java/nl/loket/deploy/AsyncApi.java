package nl.loket.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.loket.contracts.DefaultTeams;

/**
 * The AsyncAPI document of the contracts jar ({@code asyncapi/loket.yaml}): its channels with the x-loket fields,
 * the team channel expanded to one topic per team id of {@link DefaultTeams#ALL}.
 */
final class AsyncApi {

    static final String SERVICE_SUFFIX = "-service";

    record Channel(String id, String address, List<String> topics, List<String> producers, List<String> consumers,
            int partitions, String cleanupPolicy, Long retentionMs, String deadLetter, String deadLetterOf) {

        boolean isDeadLetter() {
            return deadLetterOf != null;
        }
    }

    private static final List<Channel> CHANNELS = load();

    private AsyncApi() {
    }

    static List<Channel> channels() {
        return CHANNELS;
    }

    static Set<String> topics() {
        Set<String> topics = new LinkedHashSet<>();
        CHANNELS.forEach(c -> topics.addAll(c.topics()));
        return topics;
    }

    static List<String> expand(String address) {
        if (!address.contains("{teamId}")) {
            return List.of(address);
        }
        return DefaultTeams.ALL.stream().map(team -> address.replace("{teamId}", team)).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Channel> load() {
        try (InputStream in = AsyncApi.class.getClassLoader().getResourceAsStream("asyncapi/loket.yaml")) {
            if (in == null) {
                throw new IllegalStateException("asyncapi/loket.yaml is not on the classpath (nl.loket:contracts)");
            }
            Map<String, Object> document = Rendered.YAML.readValue(in, Map.class);
            List<Channel> channels = new ArrayList<>();
            Rendered.map(document, "channels").forEach((id, value) -> {
                Map<String, Object> channel = (Map<String, Object>) value;
                Map<String, Object> x = Rendered.map(channel, "x-loket");
                String address = (String) channel.get("address");
                Object retention = x.get("retentionMs");
                channels.add(new Channel(id, address, expand(address),
                        (List<String>) x.getOrDefault("producers", List.of()),
                        (List<String>) x.getOrDefault("consumers", List.of()),
                        ((Number) x.get("partitions")).intValue(), (String) x.get("cleanupPolicy"),
                        retention == null ? null : ((Number) retention).longValue(),
                        (String) x.get("deadLetter"), (String) x.get("deadLetterOf")));
            });
            return List.copyOf(channels);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the AsyncAPI document", e);
        }
    }

    /** The team ids the document declares as the enum of the teamId parameter. */
    @SuppressWarnings("unchecked")
    static List<String> declaredTeamIds() {
        try (InputStream in = AsyncApi.class.getClassLoader().getResourceAsStream("asyncapi/loket.yaml")) {
            Map<String, Object> document = Rendered.YAML.readValue(in, Map.class);
            return (List<String>) Rendered.at(document, "channels", "teamContacts", "parameters", "teamId", "enum");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the AsyncAPI document", e);
        }
    }
}
