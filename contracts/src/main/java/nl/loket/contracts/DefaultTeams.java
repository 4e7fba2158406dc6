package nl.loket.contracts;

import java.util.List;

/**
 * Team ids of the reference municipality's default taxonomy. They are a contract: tests, evaluations and the
 * per-partner Kafka users use these ids.
 */
public final class DefaultTeams {

    public static final String KCC = "kcc";

    public static final List<String> FIRST_LINE = List.of(KCC);
    public static final List<String> CHAIN_TEAMS = List.of("omgeving", "sociaal-domein", "belastingen", "veiligheid");
    public static final List<String> BACK_OFFICES =
            List.of("openbare-ruimte", "burgerzaken", "juridische-zaken", "ruimtelijke-ontwikkeling");

    public static final List<String> ALL = List.of(KCC, "omgeving", "sociaal-domein", "belastingen", "veiligheid",
            "openbare-ruimte", "burgerzaken", "juridische-zaken", "ruimtelijke-ontwikkeling");

    private DefaultTeams() {
    }
}
