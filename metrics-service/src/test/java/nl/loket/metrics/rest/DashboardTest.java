package nl.loket.metrics.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import nl.loket.kit.auth.Roles;
import nl.loket.metrics.ScriptedDay;
import nl.loket.metrics.Viewers;
import nl.loket.testsupport.WithKafkaAndPostgres;
import nl.loket.testsupport.oidc.TestTokens;

/**
 * Opens the dashboard in real headless Chromium (Debian {@code chromium}) and checks what it shows against the API; the
 * page is a public shell that shows figures only with a metrics viewer's token.
 */
@QuarkusTest
@WithKafkaAndPostgres(database = "metrics")
class DashboardTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TestHTTPResource("/")
    URL root;

    @Test
    void dashboardShowsTheKpisOfTheApiInChromium() throws Exception {
        // CI installs chromium (.ci/run), so there a missing browser is a failure, not a skip
        if (System.getenv("CI") != null) {
            assertThat(Files.isExecutable(CHROMIUM)).as("Debian chromium is installed").isTrue();
        }
        assumeTrue(Files.isExecutable(CHROMIUM), "Debian chromium is not installed (apt-get install -y chromium)");
        ScriptedDay.events("GM0005", "dash").forEach(ScriptedDay.Sent::send);
        JsonPath api = ScriptedDayKpiTest.awaitDay("GM0005");

        // the viewer's token, handed over in the fragment (never sent to the server); the page keeps it in sessionStorage
        String page = root + "?municipality=GM0005&from=" + ScriptedDay.DAY + "&to=" + ScriptedDay.DAY
                + "#token=" + Viewers.token("GM0005");
        String dom = chromium("--virtual-time-budget=15000", "--dump-dom", page);

        assertThat(attribute(dom, "status", "data-state")).isEqualTo("loaded");
        assertThat(element(dom, "direct-share")).isEqualTo(pct(api.getDouble("directHandling.share"))).isEqualTo("37.5%");
        assertThat(element(dom, "direct-target")).isEqualTo("80.0%");
        assertThat(element(dom, "received-total")).isEqualTo(api.getString("received")).isEqualTo("9");
        assertThat(element(dom, "digital-share")).isEqualTo(pct(api.getDouble("digital.share")));
        assertThat(element(dom, "transfer-rate")).isEqualTo(pct(api.getDouble("transfers.share")));
        assertThat(element(dom, "callback-rate")).isEqualTo(pct(api.getDouble("callbacks.rate")));
        assertThat(element(dom, "open-callbacks")).isEqualTo("1");
        assertThat(element(dom, "median-settle")).isEqualTo("30 min");
        assertThat(element(dom, "p90-settle")).isEqualTo("2.0 d");
        for (String tier : List.of("FIRST_LINE", "CHAIN_TEAM", "BACK_OFFICE")) {
            assertThat(element(dom, "tier-" + tier)).as(tier)
                    .isEqualTo(pct(api.getDouble("tiers.find { it.tier == '" + tier + "' }.share")));
        }
        for (String channel : List.of("PHONE", "WEB_FORM", "EMAIL", "CHAT", "COUNTER", "LETTER")) {
            String c = "channels.find { it.channel == '" + channel + "' }";
            assertThat(element(dom, "same-day-" + channel)).as(channel).isEqualTo(pct(api.getDouble(c + ".sameDayShare")));
            assertThat(element(dom, "channel-share-" + channel)).as(channel).isEqualTo(pct(api.getDouble(c + ".share")));
        }
        assertThat(element(dom, "definitions-version")).isEqualTo(api.getString("definitionsVersion"));
        // ECharts drew its charts (canvas elements inside the chart containers)
        assertThat(countOf(dom, "<canvas")).isGreaterThanOrEqualTo(5);

        Path screenshot = Path.of("target", "dashboard.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        chromium("--virtual-time-budget=15000", "--window-size=1400,1000", "--screenshot=" + screenshot, page);
        assertThat(screenshot).exists();
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);

        // the page and its charting library are served by the service itself
        given().get("/").then().statusCode(200).contentType(org.hamcrest.Matchers.containsString("text/html"));
        given().get("/webjars/echarts/5.3.1/dist/echarts.min.js").then().statusCode(200);
    }

    @Test
    void withoutATokenTheDashboardAsksForOneAndShowsNoFigures() throws Exception {
        if (System.getenv("CI") != null) {
            assertThat(Files.isExecutable(CHROMIUM)).as("Debian chromium is installed").isTrue();
        }
        assumeTrue(Files.isExecutable(CHROMIUM), "Debian chromium is not installed (apt-get install -y chromium)");
        String dom = chromium("--virtual-time-budget=10000", "--dump-dom", root + "?municipality=GM0005");

        assertThat(attribute(dom, "status", "data-state")).isEqualTo("signed-out");
        assertThat(element(dom, "status")).contains("toegangstoken");
        assertThat(attribute(dom, "sign-in", "hidden")).isNull();
        assertThat(dom).containsPattern("<main id=\"figures\" hidden");
        assertThat(element(dom, "direct-share")).isEqualTo("–");
        assertThat(element(dom, "received-total")).isEqualTo("–");
        assertThat(countOf(dom, "<canvas")).isZero();
    }

    @Test
    void aTokenWithoutTheViewerRoleIsTurnedAwayByTheApiNotByThePage() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Debian chromium is not installed (apt-get install -y chromium)");
        String agent = TestTokens.as("agent-d").roles(Roles.AGENT).municipalities("0005").sign();
        String dom = chromium("--virtual-time-budget=10000", "--dump-dom", root + "?municipality=GM0005#token=" + agent);

        assertThat(attribute(dom, "status", "data-state")).isEqualTo("forbidden");
        assertThat(element(dom, "direct-share")).isEqualTo("–");
    }

    static String pct(Double share) {
        return share == null ? "–" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String chromium(String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("chromium", ".out");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish within 90 s");
        }
        String output = Files.readString(out, StandardCharsets.UTF_8);
        Files.deleteIfExists(out);
        return output;
    }

    private static String element(String dom, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(dom);
        assertThat(m.find()).as("element #" + id + " in the rendered page").isTrue();
        return m.group(1).trim();
    }

    private static String attribute(String dom, String id, String attribute) {
        Matcher tag = Pattern.compile("<[^>]*id=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(dom);
        assertThat(tag.find()).as("element #" + id).isTrue();
        Matcher a = Pattern.compile(attribute + "=\"([^\"]*)\"").matcher(tag.group());
        return a.find() ? a.group(1) : null;
    }

    private static int countOf(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}
