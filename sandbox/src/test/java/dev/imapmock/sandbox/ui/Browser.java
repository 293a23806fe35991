package dev.imapmock.sandbox.ui;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One headless Chromium for a test class: Debian's {@code chromium} driven through Debian's
 * {@code chromium-driver}, both named by path so that Selenium Manager never runs and nothing is
 * downloaded. Without them the calling test is skipped with the command that installs them, except under
 * {@code CI=true}, where their absence fails it. JavaScript dialogs are left open (never accepted), so a
 * test can prove none appeared.
 */
public final class Browser implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(10);
    static final String INSTALL = "apt-get install -y chromium chromium-driver";

    /**
     * Runs before any script of every page this tab loads (DevTools injects it, so the page's CSP does not
     * apply to it) and records what the page's own policy refused and the errors nothing caught.
     */
    private static final String RECORDER = """
            window.__problems = [];
            document.addEventListener('securitypolicyviolation', (e) => window.__problems.push(
                'CSP ' + e.violatedDirective + ' refused ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
            window.addEventListener('error', (e) => window.__problems.push('Uncaught ' + e.message));
            window.addEventListener('unhandledrejection', (e) => window.__problems.push('Unhandled rejection ' + e.reason));
            """;

    private final ChromeDriver driver;
    private final Path screenshots;
    private final Path downloads;

    private Browser(ChromeDriver driver, Path screenshots, Path downloads) {
        this.driver = driver;
        this.screenshots = screenshots;
        this.downloads = downloads;
    }

    /** Starts Chromium at 1280x900, or skips (fails under CI) when it isn't installed. */
    public static Browser startOrSkip() {
        String missing = missing();
        if (missing != null) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(missing);
            }
            Assumptions.abort(missing);
        }
        Path binary = binary();
        Path driverBinary = driverBinary();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary.toFile());
        // --no-sandbox turns off Chromium's operating-system sandbox, which can't start as root in a
        // container; iframe sandboxing and CSP, what these tests are about, are unaffected.
        // Reduced motion: screenshots never catch the drawer half-way.
        // Remaining flags: no first-run UI, no background network traffic of the browser's own.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=en-US", "--no-first-run", "--no-default-browser-check",
                "--disable-extensions", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--metrics-recording-only", "--force-color-profile=srgb",
                "--hide-scrollbars", "--force-prefers-reduced-motion");
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        Path downloads = Path.of(System.getProperty("basedir", "."), "target", "downloads");
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driverBinary.toFile())
                .usingAnyFreePort()
                .withSilent(true)
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(WAIT);
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORDER));
        Path screenshots = Path.of(System.getProperty("basedir", "."), "target", "screenshots");
        return new Browser(driver, screenshots, downloads);
    }

    /** Where downloads land: target/downloads/. */
    public Path downloads() {
        return downloads;
    }

    /** Waits for a download to be complete and answers its bytes. */
    public byte[] downloaded(String fileName) {
        Path file = downloads.resolve(fileName);
        waiting().until(d -> Files.isRegularFile(file) && !Files.exists(downloads.resolve(fileName + ".crdownload")));
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why the browser tests can't run here (with the command that fixes it), or null when they can. */
    static String missing() {
        if (Files.isExecutable(binary()) && Files.isExecutable(driverBinary())) {
            return null;
        }
        return "Chromium and its driver are needed for the web UI's browser tests (" + binary() + ", "
                + driverBinary() + "); install them with: " + INSTALL;
    }

    /** Debian's paths; IMAPMOCK_CHROMIUM and IMAPMOCK_CHROMEDRIVER name others. */
    private static Path binary() {
        return Path.of(System.getenv().getOrDefault("IMAPMOCK_CHROMIUM", "/usr/bin/chromium"));
    }

    private static Path driverBinary() {
        return Path.of(System.getenv().getOrDefault("IMAPMOCK_CHROMEDRIVER", "/usr/bin/chromedriver"));
    }

    public WebDriver driver() {
        return driver;
    }

    /** Waits on what the page shows; rows the UI redraws meanwhile (a refresh) are looked up again. */
    public WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, WAIT, Duration.ofMillis(50));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Saves the viewport as {@code target/screenshots/NAME.png}. */
    public void screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), screenshots.resolve(name + ".png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when a JavaScript dialog (alert, confirm, prompt) is open. */
    public boolean dialogOpen() {
        try {
            driver.switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }

    /**
     * What the open page's Content-Security-Policy refused and the script errors nothing caught, since the
     * page loaded or the last call (frames of other origins report to themselves, not here).
     */
    @SuppressWarnings("unchecked")
    public List<String> pageProblems() {
        Object problems = script("const p = window.__problems || []; window.__problems = []; return p;");
        return (List<String>) problems;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
