package nl.loket.kit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DevIssuerGuardTest {

    private static final List<String> DEV_HOSTS = List.of("localhost", "127.0.0.1", "[::1]", "0.0.0.0");

    @Test
    void aProductionIssuerIsAccepted() {
        assertThat(DevIssuerGuard.refusal(true, Optional.of("https://login.microsoftonline.com/tenant/v2.0"), DEV_HOSTS))
                .isEmpty();
        assertThat(DevIssuerGuard.refusal(true, Optional.of("https://sso.gemeente.nl/realms/loket"), DEV_HOSTS)).isEmpty();
    }

    @Test
    void theLocalKeycloakAndLoopbackIssuersAreRefused() {
        assertThat(DevIssuerGuard.refusal(true, Optional.of("http://localhost:8180/realms/loket"), DEV_HOSTS)).isPresent();
        assertThat(DevIssuerGuard.refusal(true, Optional.of("http://127.0.0.1:41234/realms/loket-test"), DEV_HOSTS))
                .isPresent();
        assertThat(DevIssuerGuard.refusal(true, Optional.of("http://127.0.1.1/realms/x"), DEV_HOSTS)).isPresent();
        assertThat(DevIssuerGuard.refusal(true, Optional.of("http://[::1]:8180/realms/loket"), DEV_HOSTS)).isPresent();
    }

    @Test
    void noIssuerOrOidcSwitchedOffIsRefused() {
        assertThat(DevIssuerGuard.refusal(true, Optional.empty(), DEV_HOSTS)).isPresent();
        assertThat(DevIssuerGuard.refusal(false, Optional.of("https://sso.gemeente.nl/realms/loket"), DEV_HOSTS))
                .isPresent();
    }
}
