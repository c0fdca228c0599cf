package org.tweetflow.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for tests that look at the pages as a person does. It uses the {@code chromium} and
 * {@code chromedriver} on PATH (scripts/ensure-browser.sh installs them before the tests run), so Selenium Manager
 * never downloads a browser or a driver.
 *
 * <pre>{@code
 * try (Browser browser = Browser.desktop()) {
 *     browser.open(baseUrl + "/");
 *     browser.screenshot("landing");
 * }
 * }</pre>
 */
public final class Browser implements AutoCloseable {

    private static final List<String> COMMON_ARGUMENTS = List.of(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-extensions", "--lang=en-GB");

    private final WebDriver driver;

    private Browser(String windowSize, Map<String, Object> mobileEmulation) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(onPath("chromedriver").toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(onPath("chromium").toFile())
                .addArguments(COMMON_ARGUMENTS)
                .addArguments("--window-size=" + windowSize);
        LoggingPreferences console = new LoggingPreferences();
        console.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, console);
        if (mobileEmulation != null) {
            options.setExperimentalOption("mobileEmulation", mobileEmulation);
        }
        this.driver = new ChromeDriver(service, options);
    }

    /** A desktop-sized window, 1280×900. */
    public static Browser desktop() {
        return new Browser("1280,900", null);
    }

    /**
     * A phone-sized page, 390×844 CSS pixels (a current iPhone), to see the pages as a phone shows them. Chromium
     * will not make a window narrower than 500 pixels, so the phone's screen is emulated as well (mobile viewport,
     * touch, overlay scrollbars).
     */
    public static Browser phone() {
        return new Browser("390,844", Map.of("deviceMetrics",
                Map.of("width", 390, "height", 844, "pixelRatio", 1.0, "mobile", true, "touch", true)));
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser open(String url) {
        driver.get(url);
        return this;
    }

    /** Waits up to {@code timeout} for {@code condition} and returns what it produced. */
    public <T> T waitFor(Duration timeout, ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, timeout).until(condition);
    }

    /** Saves the visible page as {@code <build.dir or target>/screenshots/<name>.png} and returns the file. */
    public Path screenshot(String name) {
        Path dir = Path.of(System.getProperty("build.dir", "target"), "screenshots");
        Path file = dir.resolve(name + ".png");
        try {
            Files.createDirectories(dir);
            Files.write(file, ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("could not save screenshot " + file, e);
        }
        return file;
    }

    /**
     * The Content-Security-Policy refusals (an inline script, handler or style, a foreign source) the console
     * reported since this was last asked: Chromium logs each as an error.
     */
    public List<String> contentSecurityPolicyViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")).toList();
    }

    @Override
    public void close() {
        driver.quit();
    }

    /** The executable {@code name} in a directory on PATH; fails with a hint when it is not installed. */
    private static Path onPath(String name) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator))
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(name + " is not on PATH; run scripts/ensure-browser.sh"
                        + " (Debian: apt-get install chromium chromium-driver)"));
    }
}
