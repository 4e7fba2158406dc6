package nl.loket.kit.auth;

/**
 * The platform's roles, as the OpenID provider puts them in the access token (claim path
 * {@code quarkus.oidc.roles.role-claim-path}). Root README, "Sign-in and roles", has the endpoint × role table.
 */
public final class Roles {

    /** A channel adapter (web form, e-mail, phone, counter): posts contacts as its own {@code adapter_id}. */
    public static final String ADAPTER = "adapter";
    /** A KCC or chain-team agent: works the queues of the teams in the token, previews routing, searches knowledge. */
    public static final String AGENT = "agent";
    /** Maintains the knowledge base: teams, products, categories, articles. */
    public static final String EDITOR = "editor";
    /** Reads the KPIs and the dashboard, for the municipalities in the token. */
    public static final String METRICS_VIEWER = "metrics-viewer";
    /** Runs the platform: dead-letter tooling, data-subject requests. */
    public static final String OPERATOR = "operator";

    private Roles() {
    }
}
