package nl.loket.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.loket.demo.LoketClient;
import nl.loket.e2e.browser.Browser;
import nl.loket.platform.LocalPlatform;
import nl.loket.platform.ServiceSpec;

/**
 * The werkplek in real headless Chromium against the whole platform: a KCC team lead signs in through Keycloak (code
 * flow), sees a posted contact arrive live, opens it (Dutch reason, VAC answer), settles it, transfers another to
 * belastingen (whose agent sees it arrive and cannot open the KCC's contact), registers a counter contact and settles
 * it on the spot — and the direct-handling figure moves. axe-core checks every page, Keycloak's sign-in page too (0
 * serious or critical); the
 * screenshots of the queue, the contact view and the registration are written to {@code target/screenshots}.
 */
final class WorkspaceJourney {

    /** A municipality of the local realm's agents and team lead that no other e2e test uses. */
    static final String MUNICIPALITY = "GM9904";
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final LocalPlatform platform;
    private final LoketClient client;
    private final String workspace;
    private final Path screenshots;
    private final Map<String, List<String>> violations = new LinkedHashMap<>();

    WorkspaceJourney(LocalPlatform platform, LoketClient client, Path screenshots) {
        this.platform = platform;
        this.client = client;
        this.workspace = platform.baseUrl(ServiceSpec.named("workspace"));
        this.screenshots = screenshots;
    }

    void run() {
        try (Browser lead = Browser.start(WAIT)) {
            signIn(lead, "teamlead-kcc");
            lead.open(workspace + "/?team=kcc");
            lead.byId("queue-table");
            check(lead, "wachtrij");

            // a contact posted to intake appears in the KCC queue without reloading, with the count in the title
            lead.script("window.__loketNoReload = true;");
            String first = post("Nieuw paspoort", "Hoe vraag ik een nieuw paspoort aan en wat kost dat?");
            lead.find(By.cssSelector("#queue-table [data-contact-id='" + first + "']"));
            assertThat(lead.script("return window.__loketNoReload === true;")).as("the page was not reloaded").isEqualTo(true);
            lead.until(d -> d.getTitle().matches("\\(\\d+\\) .*") ? d.getTitle() : null, "the open count in the title");
            lead.screenshot(screenshots.resolve("werkplek-wachtrij.png"), 900);

            // the contact view: Dutch reason, confidence, the VAC answer; knowledge search beside it
            lead.open(workspace + "/contact.html?id=" + first);
            String reason = lead.awaitText("routing-reason", t -> !t.isBlank(), "the routing reason");
            assertThat(reason).as("the reason is Dutch").containsAnyOf(" het ", " de ", " een ").doesNotContain(" the ");
            lead.awaitText("routing-confidence", t -> t.contains("%"), "the confidence as a percentage");
            String answer = lead.awaitText("kb-answer", t -> t.length() > 20, "the knowledge answer");
            JsonNode item = client.item("kcc", "agent-kcc", first, null, null).body();
            assertThat(item.path("articleId").asText()).as("routing matched an article").isNotBlank();
            lead.type("kb-search", "paspoort");
            lead.find(By.cssSelector("#kb-results li"));
            check(lead, "contact");
            lead.screenshot(screenshots.resolve("werkplek-contact.png"));
            assertThat(answer).isNotBlank();

            // claim and settle it
            lead.click("claim-button");
            lead.until(d -> d.findElement(By.id("release-button")).isDisplayed() ? true : null, "claimed");
            new Select(lead.byId("outcome-select")).selectByValue("ANSWERED");
            lead.click("resolve-button");
            awaitStatus(first, "RESOLVED");

            // transfer another to belastingen, with a reason
            String second = post("Identiteitskaart", "Wat kost een identiteitskaart en hoe vraag ik die aan?");
            awaitItem("kcc", second);
            lead.open(workspace + "/contact.html?id=" + second);
            lead.byId("transfer-form");
            new Select(lead.byId("transfer-team")).selectByValue("belastingen");
            lead.type("transfer-reason", "De burger vraagt ook naar de WOZ-beschikking; het team belastingen beoordeelt die.");
            lead.click("transfer-button");

            // belastingen's agent sees it arrive in its own queue, and cannot open the KCC's contact
            try (Browser belastingen = Browser.start(WAIT)) {
                signIn(belastingen, "agent-belastingen");
                belastingen.open(workspace + "/?team=belastingen");
                belastingen.find(By.cssSelector("#queue-table [data-contact-id='" + second + "']"));
                belastingen.open(workspace + "/contact.html?id=" + first);
                // chain-team answers an item outside the agent's teams as unknown (404): its existence does not leak
                belastingen.awaitText("page-error", t -> t.contains("bestaat niet"), "not found for this agent");
                assertThat(belastingen.exists("contact-text")).as("nothing of the contact is shown").isFalse();
                check(belastingen, "contact zonder toegang");
            }

            // a counter contact registered and settled on the spot moves the direct-handling figure
            // so far one directly handled first contact (the first; the second was transferred)
            Awaitility.await("the first contact counted as handled directly").atMost(WAIT)
                    .until(() -> directlyHandledToday() == 1);
            lead.open(workspace + "/teamleider.html");
            lead.byId("lead-municipalities");
            check(lead, "teamleider");

            lead.open(workspace + "/registreren.html");
            lead.byId("register-form");
            check(lead, "registreren");
            lead.click("register-channel-COUNTER");
            new Select(lead.byId("register-municipality")).selectByValue(MUNICIPALITY);
            lead.type("register-subject", "Paspoort voor een kind");
            lead.type("register-text", "Wat kost een paspoort voor mijn dochter van 8 en hoe vraag ik het aan?");
            lead.click("register-button");
            lead.awaitText("register-decision", t -> !t.isBlank(), "the routing decision");
            lead.awaitText("register-answer", t -> t.contains("paspoort") && !t.contains("geen antwoord"), "the knowledge answer");
            lead.click("register-settle-button");
            lead.awaitText("register-done", t -> !t.isBlank(), "settled");
            check(lead, "registreren na afhandeling");
            lead.screenshot(screenshots.resolve("werkplek-registreren.png"));
            Awaitility.await("direct handling counted by metrics").atMost(WAIT)
                    .until(() -> directlyHandledToday() == 2);
            lead.open(workspace + "/teamleider.html");
            // the team lead sees it too: 2 of the 3 first contacts of today handled directly
            lead.until(d -> d.findElements(By.cssSelector("#lead-municipalities [data-municipality='" + MUNICIPALITY + "']"))
                    .stream().anyMatch(row -> row.getText().contains("2 van 3")) ? true : null, "2 van 3 on the team-lead view");
            lead.screenshot(screenshots.resolve("werkplek-teamleider.png"));
            check(lead, "teamleider na afhandeling");
        }
        assertThat(violations).as("axe-core: serious or critical violations per page").allSatisfy(
                (page, found) -> assertThat(found).as(page).isEmpty());
    }

    private void signIn(Browser browser, String user) {
        browser.open(workspace + "/");
        WebElement username = browser.find(By.id("username")); // Keycloak's sign-in page (code flow)
        check(browser, "aanmelden (Keycloak) voor " + user);
        username.sendKeys(user);
        browser.find(By.id("password")).sendKeys(user + "-local-secret");
        browser.find(By.id("kc-login")).click();
        browser.until(d -> d.getCurrentUrl().startsWith(workspace) ? true : null, "back at the werkplek after sign-in");
    }

    private void check(Browser browser, String page) {
        violations.put(page, browser.seriousAccessibilityViolations());
    }

    private String post(String subject, String text) {
        ObjectNode contact = client.object().put("municipality", MUNICIPALITY).put("channel", "WEB_FORM")
                .put("subject", subject).put("text", text);
        contact.putObject("citizen").put("name", "J. de Vries").put("email", "j.devries@example.nl");
        LoketClient.Answer accepted = client.submit(contact, null);
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        return accepted.body().get("contactId").asText();
    }

    private void awaitItem(String team, String contactId) {
        Awaitility.await(contactId + " in " + team).atMost(WAIT)
                .until(() -> client.item(team, "agent-" + team, contactId, null, null).status() == 200);
    }

    private void awaitStatus(String contactId, String status) {
        Awaitility.await(contactId + " " + status).atMost(WAIT)
                .until(() -> status.equals(client.item("kcc", "agent-kcc", contactId, null, null).body().path("status").asText()));
    }

    private long directlyHandledToday() {
        String today = LocalDate.now(AMSTERDAM).toString();
        JsonNode summary = client.summary("municipality=" + MUNICIPALITY + "&from=" + today + "&to=" + today).body();
        return summary.path("directHandling").path("directlyHandled").asLong();
    }
}
