package stream.pika.it;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A real browser for the page tests: Debian's headless Chromium driven by its chromedriver
 * (Selenium), with a fresh profile. It keeps the browser console: a CSP violation or a JavaScript
 * error on any page fails the test ({@link #assertCleanConsole()}). A test class registers
 * {@link Pages}: a failing test leaves a screenshot of every open page under
 * {@code target/screenshots}, and the browsers close after each test.
 */
public final class Browser implements AutoCloseable {

    /** A laptop at the front desk. */
    public static final Dimension DESKTOP = new Dimension(1280, 800);
    /** A phone on the floor. */
    public static final Dimension PHONE = new Dimension(390, 844);
    static final Path SCREENSHOT_DIR = Path.of(System.getProperty("pika.screenshots", "target/screenshots"));
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final List<Browser> OPEN = new CopyOnWriteArrayList<>();

    /**
     * The browsers of a test: when the test fails, a screenshot of each open page (and its
     * console on stderr), then every browser the test opened is closed.
     */
    public static final class Pages implements TestExecutionExceptionHandler, AfterEachCallback {
        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
            for (Browser browser : OPEN) {
                try {
                    System.err.println("Screenshot: " + browser.screenshot("FAILED-" + context.getRequiredTestMethod().getName() + "-" + browser.name));
                    System.err.println("Console of " + browser.name + ": " + browser.console);
                } catch (RuntimeException e) {
                    System.err.println("No screenshot of " + browser.name + ": " + e);
                }
            }
            throw failure;
        }

        @Override
        public void afterEach(ExtensionContext context) {
            for (Browser browser : OPEN) {
                browser.close();
            }
        }
    }

    private final String name;
    private final ChromeDriver driver;
    private final Path profile;
    private final List<String> console = new ArrayList<>();
    private final List<String> expectedRefusals = new ArrayList<>();

    private Browser(String name, ChromeDriver driver, Path profile) {
        this.name = name;
        this.driver = driver;
        this.profile = profile;
    }

    public static Browser open(String name, Dimension size) {
        try {
            Path profile = Files.createTempDirectory("pika-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(System.getProperty("pika.chromium", "/usr/bin/chromium"));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + size.width + "," + size.height);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(System.getProperty("pika.chromedriver", "/usr/bin/chromedriver")))
                    .usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(size);
            Browser browser = new Browser(name, driver, profile);
            OPEN.add(browser);
            return browser;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the shared test server. */
    public Browser go(String path) {
        driver.get(TestServer.baseUri().resolve(path).toString());
        collectConsole();
        return this;
    }

    /** Signs in with the form of {@code /signin} and lands on {@code next}. */
    public Browser signIn(String email, String password, String next) {
        go("/signin?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
        waitFor(By.name("email")).sendKeys(email);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(driver, WAIT).until(d -> !d.getCurrentUrl().contains("/signin"));
        collectConsole();
        return this;
    }

    public WebElement waitFor(By locator) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public void waitUntilGone(By locator) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(locator));
    }

    public void waitUntilText(By locator, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    /** Waits until PrimeFaces' ajax queue is empty (the last click's answer is on the page). */
    public void ajaxDone() {
        new WebDriverWait(driver, WAIT).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return !window.PrimeFaces || (PrimeFaces.ajax.Queue.isEmpty() && !PrimeFaces.animationActive"
                        + " && document.readyState === 'complete');")));
        collectConsole();
    }

    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** The element's text; read again when an ajax update replaced the element meanwhile. */
    public String text(By locator) {
        for (int attempt = 1; ; attempt++) {
            try {
                return driver.findElement(locator).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** What the console said since the browser opened: CSP violations and script errors count against the page. */
    public List<String> problems() {
        collectConsole();
        return console.stream().filter(line -> line.startsWith("SEVERE") || line.contains("Content Security Policy")
                || line.contains("Content-Security-Policy"))
                .filter(line -> expectedRefusals.stream().noneMatch(line::contains)).toList();
    }

    /**
     * Opens a page the test expects to be refused with this status (a 403 or 404 page): the
     * browser logs its status as an error, which is then not counted against the page.
     */
    public Browser goRefused(String path, int status) {
        expectRefusal(path, status);
        return go(path);
    }

    /** The page at {@code path} will answer {@code status}: not counted against it ({@link #goRefused}). */
    public void expectRefusal(String path, int status) {
        expectedRefusals.add(TestServer.baseUri().resolve(path) + " - Failed to load resource: the server responded with a status of " + status);
    }

    /** A picture of another site the test knows is not reachable from here (a DJ's avatar): not counted against the page. */
    public void expectUnreachable(String url) {
        expectedRefusals.add(url + " - Failed to load resource: net::ERR_NAME_NOT_RESOLVED");
    }

    public void assertCleanConsole() {
        assertEquals(List.of(), problems(), () -> name + ": CSP violations or script errors in the browser console");
    }

    private void collectConsole() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            console.add(entry.getLevel() + " " + entry.getMessage());
        }
    }

    /** Saves the page as {@code target/screenshots/<name>.png}; answers the file. */
    public Path screenshot(String fileName) {
        try {
            Files.createDirectories(SCREENSHOT_DIR);
            Path target = SCREENSHOT_DIR.resolve(fileName + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<String> cookie(String cookieName) {
        return Optional.ofNullable(driver.manage().getCookieNamed(cookieName)).map(c -> c.getValue());
    }

    @Override
    public void close() {
        OPEN.remove(this);
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
