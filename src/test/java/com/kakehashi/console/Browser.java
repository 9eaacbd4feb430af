package com.kakehashi.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, through Debian's chromedriver (bin/ensure-chromium installs both), with a fresh
 * profile and downloads going to a directory of the test's own. Nothing is fetched from the network.
 */
final class Browser implements AutoCloseable {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Selenium's default is 500 ms between checks; a page is usually ready well within that. */
    private static final Duration POLL = Duration.ofMillis(50);

    final ChromeDriver driver;
    final Path downloads;
    private final Path profile;

    /** The browser sits in Tokyo, as the operators do: pages show times in the viewer's zone. */
    Browser() {
        try {
            profile = Files.createTempDirectory("console-chromium-profile");
            downloads = Files.createTempDirectory("console-downloads");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--disable-dev-shm-usage",
                        "--lang=en-GB",
                        "--user-data-dir=" + profile,
                        "--window-size=1400,1000");
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "download.default_directory",
                        downloads.toString(),
                        "download.prompt_for_download",
                        false,
                        "safebrowsing.enabled",
                        false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .withEnvironment(Map.of("TZ", "Asia/Tokyo"))
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1400, 1000));
    }

    static boolean installed() {
        return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    }

    void open(String url) {
        driver.get(url);
        until(d -> "complete"
                .equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    WebElement find(String css) {
        return until(d -> d.findElement(By.cssSelector(css)));
    }

    String text(String css) {
        return find(css).getText();
    }

    void click(String css) {
        find(css).click();
    }

    /** Waits for the page to reach the state, polling (never sleeping a fixed time). */
    <T> T until(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, WAIT)
                .pollingEvery(POLL)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }

    void waitForText(String css, String expected) {
        until(d -> d.findElement(By.cssSelector(css)).getText().contains(expected));
    }

    /** A PNG of the page: under target/ always, and into docs/ when -Dconsole.screenshots=docs. */
    void screenshot(String name) {
        try {
            File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = Path.of("target", "console-screenshots", name);
            Files.createDirectories(target.getParent());
            Files.copy(png.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            if ("docs".equals(System.getProperty("console.screenshots"))) {
                Files.copy(png.toPath(), Path.of("docs", name), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
