package nl.loket.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class KubectlTest {

    @Test
    void missingKubectlFailsWithAnExplanation() {
        assertThatThrownBy(() -> Rendered.firstExecutable(List.of(Path.of("/nonexistent/kubectl"))))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("kubectl is not installed")
                .hasMessageContaining("install kubectl");
    }

    @Test
    void bothOverlaysBuild() {
        for (String overlay : Rendered.OVERLAYS) {
            assertThat(Rendered.overlay(overlay)).as(overlay).isNotEmpty();
        }
    }
}
