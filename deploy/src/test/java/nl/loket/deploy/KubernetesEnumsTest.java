package nl.loket.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

class KubernetesEnumsTest {

    @Test
    void everyEnumeratedFieldIsARealPropertyOfItsModel() {
        KubernetesEnums.TABLE.forEach((type, fields) -> {
            Set<String> properties = ManifestValidator.STRICT.getSerializationConfig()
                    .introspect(ManifestValidator.STRICT.constructType(type)).findProperties().stream()
                    .map(BeanPropertyDefinition::getName).collect(Collectors.toSet());
            assertThat(properties).as(type.getName()).containsAll(fields.keySet());
        });
    }
}
