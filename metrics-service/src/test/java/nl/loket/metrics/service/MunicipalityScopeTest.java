package nl.loket.metrics.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.security.ForbiddenException;
import nl.loket.kit.auth.Caller;

class MunicipalityScopeTest {

    private static Caller viewerOf(String... municipalities) {
        return new Caller("v", "gemeente", Set.of(), Set.of(municipalities), Optional.empty(), Set.of("metrics-viewer"));
    }

    @Test
    void cbsCodesOfTheTokenBecomeGmCodesAndOtherValuesAreLeftOut() {
        assertThat(MunicipalityScope.of(viewerOf("0363", "GM0518", "gm0599", "Amsterdam", "12345")))
                .containsExactly("GM0363", "GM0518", "GM0599");
    }

    @Test
    void withoutARequestedMunicipalityAllOfTheCallersAreSelected() {
        assertThat(MunicipalityScope.select(Set.of("GM0363", "GM0518"), null)).containsExactlyInAnyOrder("GM0363", "GM0518");
    }

    @Test
    void aRequestedMunicipalityOfTheCallerIsSelectedAlone() {
        assertThat(MunicipalityScope.select(Set.of("GM0363", "GM0518"), "GM0518")).containsExactly("GM0518");
    }

    @Test
    void aRequestedMunicipalityOutsideTheTokenIsForbidden() {
        assertThatThrownBy(() -> MunicipalityScope.select(Set.of("GM0363"), "GM0518"))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aCallerWithoutMunicipalitiesIsForbidden() {
        assertThatThrownBy(() -> MunicipalityScope.select(Set.of(), null)).isInstanceOf(ForbiddenException.class);
    }
}
