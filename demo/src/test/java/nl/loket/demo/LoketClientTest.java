package nl.loket.demo;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;

class LoketClientTest {

    @Test
    void theLocalPlatformsPortsComeFromTheServiceListShiftedByTheOffset() {
        LoketClient client = LoketClient.localDefaults(10000);
        assertThat(client.intake).isEqualTo("http://localhost:18081");
        assertThat(client.routing).isEqualTo("http://localhost:18082");
        assertThat(client.chainTeam).isEqualTo("http://localhost:18084");
        assertThat(client.metrics).isEqualTo("http://localhost:18085");
    }
}
