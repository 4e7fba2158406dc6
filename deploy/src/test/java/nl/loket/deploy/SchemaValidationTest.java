package nl.loket.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every object both overlays render is valid against the schema of its kind. */
class SchemaValidationTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyRenderedObjectMatchesTheSchemaOfItsKind(String overlay) {
        List<Map<String, Object>> objects = Rendered.overlay(overlay);
        assertThat(objects).hasSizeGreaterThan(50);

        List<String> violations = objects.stream().flatMap(o -> ManifestValidator.validate(o).stream()).toList();

        assertThat(violations).as("schema violations in overlay " + overlay).isEmpty();
    }
}
