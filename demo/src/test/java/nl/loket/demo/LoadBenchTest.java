package nl.loket.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import nl.loket.contracts.EventJson;
import nl.loket.contracts.events.Channel;
import nl.loket.contracts.events.ContactRouted;
import nl.loket.contracts.events.Tier;

class LoadBenchTest {

    @Test
    void theWatcherReadsHopAndTimesOfADecisionAsPublishedWithoutAJsonTree() throws Exception {
        ContactRouted routed = new ContactRouted("c-1", "GM9906", Channel.WEB_FORM,
                Instant.parse("2026-11-30T10:00:00.123Z"), 0, Tier.CHAIN_TEAM, "omgeving",
                "Melding openbare ruimte: \"hop\": geen veld, wel tekst", 0.91, "report", null, null, null, "grofvuil",
                "chain-specialised-kcc", 2, null, Instant.parse("2026-11-30T10:00:00.150Z"), null, 3);
        String json = EventJson.mapper().writeValueAsString(routed);

        assertThat(LoadBench.RoutedWatcher.field(json, "\"hop\":")).isEqualTo("0");
        assertThat(Instant.parse(LoadBench.RoutedWatcher.field(json, "\"receivedAt\":")))
                .isEqualTo(routed.receivedAt());
        assertThat(Instant.parse(LoadBench.RoutedWatcher.field(json, "\"routedAt\":"))).isEqualTo(routed.routedAt());
        assertThat(LoadBench.RoutedWatcher.field(json, "\"absent\":")).isNull();
    }
}
