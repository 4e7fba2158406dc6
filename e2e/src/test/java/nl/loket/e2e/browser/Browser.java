package nl.loket.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Real headless Chromium (Debian's {@code chromium}) driven through Debian's {@code chromedriver}, with axe-core (npm,
 * fetched and checked by the e2e build) for the accessibility check of every page. One instance is one browser with
 * its own cookies: one signed-in person.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChromeDriver driver;
    private final Duration wait;

    private Browser(ChromeDriver driver, Duration wait) {
        this.driver = driver;
        this.wait = wait;
    }

    /** Whether this machine has both (CI installs them: .ci/run). */
    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    public static Browser start(Duration wait) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Dutch, as the agents' browsers are; a window as an agent's screen
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1366,900", "--lang=nl-NL", "--no-first-run", "--disable-extensions");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "nl-NL,nl"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return new Browser(driver, wait);
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public String title() {
        return driver.getTitle();
    }

    /** Waits for the element with this id to be present (and returns it). */
    public WebElement byId(String id) {
        return until(d -> d.findElements(By.id(id)).stream().findFirst().orElse(null), "element #" + id);
    }

    public boolean exists(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    public WebElement find(By by) {
        return until(d -> d.findElements(by).stream().findFirst().orElse(null), by.toString());
    }

    /** Waits for the element with this id to be displayed and enabled, then clicks it. */
    public void click(String id) {
        WebElement element = until(d -> d.findElements(By.id(id)).stream()
                .filter(e -> e.isDisplayed() && e.isEnabled()).findFirst().orElse(null), "clickable #" + id);
        element.click();
    }

    public void type(String id, String text) {
        WebElement element = byId(id);
        element.clear();
        element.sendKeys(text);
    }

    /** Waits for the element's visible text to satisfy the condition; returns the text. */
    public String awaitText(String id, java.util.function.Predicate<String> condition, String what) {
        return until(d -> {
            List<WebElement> found = d.findElements(By.id(id));
            if (found.isEmpty()) {
                return null;
            }
            String text = found.get(0).getText();
            return condition.test(text) ? text : null;
        }, what + " in #" + id);
    }

    public <T> T until(ExpectedCondition<T> condition, String what) {
        return new WebDriverWait(driver, wait).withMessage(() -> "waited " + wait.toSeconds() + " s for " + what
                + " on " + driver.getCurrentUrl()).until(condition);
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** The whole page from its top (the window is made as tall as the page, at most 2400 px, for the shot). */
    public void screenshot(Path file) {
        screenshot(file, 2400);
    }

    /** The page from its top, at most {@code maxHeight} px of it. */
    public void screenshot(Path file, int maxHeight) {
        org.openqa.selenium.Dimension size = driver.manage().window().getSize();
        try {
            script("window.scrollTo(0, 0); document.activeElement && document.activeElement.blur();");
            long height = ((Number) script("return document.documentElement.scrollHeight;")).longValue();
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(size.getWidth(),
                    (int) Math.min(maxHeight, Math.max(size.getHeight(), height + 140))));
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    /**
     * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it is now and returns its serious and critical
     * violations, each as "rule-id (impact): help — targets".
     */
    public List<String> seriousAccessibilityViolations() {
        String axe = axeSource();
        script(axe);
        Object raw = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                   .then(r => done(JSON.stringify(r.violations)))
                   .catch(e => done(JSON.stringify({error: String(e)})));
                """);
        try {
            JsonNode violations = JSON.readTree((String) raw);
            assertThat(violations.has("error")).as("axe-core ran: %s", raw).isFalse();
            List<String> serious = new ArrayList<>();
            for (JsonNode v : violations) {
                String impact = v.path("impact").asText();
                if (impact.equals("serious") || impact.equals("critical")) {
                    List<String> targets = new ArrayList<>();
                    v.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
                    serious.add(v.path("id").asText() + " (" + impact + "): " + v.path("help").asText() + " — "
                            + targets);
                }
            }
            return serious;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String axeSource() {
        Path axe = Path.of(System.getProperty("loket.axe-core", "target/axe-core/package/axe.min.js"));
        try {
            return Files.readString(axe);
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core not found at " + axe + " (the e2e build fetches it from npm)", e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
