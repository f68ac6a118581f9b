package dev.changebot.sandbox.page;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and chromedriver ({@code apt-get install chromium chromium-driver}, which
 * {@code .ci/run} does when they are missing), headless, with a fresh profile. Their absence fails
 * the test with the command that fixes it: CI must never be green without the browser tests.
 */
final class HeadlessChromium {

    static final Path BROWSER = Path.of(System.getProperty("changebot.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("changebot.chromedriver", "/usr/bin/chromedriver"));

    private HeadlessChromium() {
    }

    /** Fails (never skips) when the browser or its driver is missing. */
    static void requireInstalled() {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("The sandbox's browser tests need " + BROWSER + " and " + DRIVER
                    + ": apt-get install -y --no-install-recommends chromium chromium-driver (.ci/run does this)");
        }
    }

    /** The browser runs in UTC, so the times a test types into the page's pickers mean the same everywhere. */
    static ChromeDriver start(Path profile) {
        requireInstalled();
        var options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1050", "--lang=en-US",
                "--user-data-dir=" + profile.toAbsolutePath());
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(logFile(profile))
                .withEnvironment(java.util.Map.of("TZ", "UTC"))
                .build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(10));
        return driver;
    }

    private static File logFile(Path profile) {
        try {
            return Files.createDirectories(profile.resolveSibling("chromedriver-logs")).resolve("chromedriver.log").toFile();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
