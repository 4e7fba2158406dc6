package nl.loket.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import nl.loket.contracts.events.CitizenDetails;
import nl.loket.routing.service.Pseudonyms;

/** The per-team citizen reference: the derivation of the conventions, stable per team, different across teams. */
class PseudonymsTest {

    private static final String SECRET = "a-test-secret-of-at-least-32-characters";
    private static final String GLOBAL = TestContacts.CITIZEN_REF;

    private final Pseudonyms pseudonyms = new Pseudonyms(SECRET);

    private static byte[] hmac(byte[] key, String input) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void teamRefIsTheKeyedHmacWithTheTeamsKeyDerivedFromTheSecret() throws Exception {
        byte[] teamKey = hmac(SECRET.getBytes(StandardCharsets.UTF_8), "team:belastingen");
        String expected = HexFormat.of().formatHex(hmac(teamKey, "citizen:" + GLOBAL));

        assertThat(pseudonyms.teamRef("belastingen", GLOBAL)).isEqualTo(expected).matches("^[0-9a-f]{64}$");
    }

    @Test
    void eachTeamHasItsOwnStableReferenceNeverTheGlobalOne() {
        String belastingen = pseudonyms.teamRef("belastingen", GLOBAL);
        String veiligheid = pseudonyms.teamRef("veiligheid", GLOBAL);

        assertThat(belastingen).isNotEqualTo(veiligheid).isNotEqualTo(GLOBAL);
        assertThat(veiligheid).isNotEqualTo(GLOBAL);
        assertThat(pseudonyms.teamRef("belastingen", GLOBAL)).isEqualTo(belastingen);
        assertThat(new Pseudonyms(SECRET).teamRef("belastingen", GLOBAL)).isEqualTo(belastingen);
        assertThat(new Pseudonyms(SECRET + "-other").teamRef("belastingen", GLOBAL)).isNotEqualTo(belastingen);
    }

    @Test
    void citizenDetailsKeepTheirContactFieldsAndGetTheTeamsReference() {
        CitizenDetails forTeam = pseudonyms.forTeam("kcc",
                new CitizenDetails(GLOBAL, "J. de Vries", "j.devries@example.nl", "+31612345678"));

        assertThat(forTeam).isEqualTo(new CitizenDetails(pseudonyms.teamRef("kcc", GLOBAL), "J. de Vries",
                "j.devries@example.nl", "+31612345678"));
        assertThat(pseudonyms.forTeam("kcc", null)).isNull();
        CitizenDetails anonymous = new CitizenDetails(null, "J. de Vries", null, null);
        assertThat(pseudonyms.forTeam("kcc", anonymous)).isEqualTo(anonymous);
    }

    @Test
    void aMissingOrShortSecretStopsTheService() {
        assertThatThrownBy(() -> new Pseudonyms((String) null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("loket.routing.pseudonym-secret").hasMessageContaining("32");
        assertThatThrownBy(() -> new Pseudonyms("x".repeat(Pseudonyms.MIN_SECRET_LENGTH - 1)))
                .isInstanceOf(IllegalStateException.class);
    }
}
