package dev.changebot.sandbox.page;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The sandbox page as a person uses it, in words of the page (type in the composer, fill the
 * modal, switch person, click, react), every wait bounded.
 */
final class SandboxPage {

    static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final String baseUrl;

    SandboxPage(ChromeDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    SandboxPage open(String as) {
        driver.get(baseUrl + "/sandbox?as=" + as);
        until(d -> !d.findElements(By.cssSelector("#person option")).isEmpty());
        return this;
    }

    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }

    WebElement find(String css) {
        return until(d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst()
                .orElse(null));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    void type(String text) {
        var composer = find("#composer-text");
        composer.clear();
        composer.sendKeys(text + "\n");
    }

    void switchTo(String personText) {
        var select = new Select(find("#person"));
        select.getOptions().stream().filter(o -> o.getText().contains(personText)).findFirst()
                .orElseThrow(() -> new AssertionError("No person " + personText + " among "
                        + select.getOptions().stream().map(WebElement::getText).toList()))
                .click();
    }

    /** The last message in the channel whose text contains {@code text}, once it is there. */
    WebElement message(String text) {
        return until(d -> {
            var matching = d.findElements(By.cssSelector("#messages .message")).stream()
                    .filter(m -> m.getText().contains(text)).toList();
            return matching.isEmpty() ? null : matching.get(matching.size() - 1);
        });
    }

    /**
     * Clicks {@code css} inside the message containing {@code text}. The page redraws a message whenever
     * the workspace changes, so an element found a moment ago may be gone: it is found again until the
     * click lands (within the bound).
     */
    void clickInMessage(String text, String css) {
        until(d -> {
            message(text).findElement(By.cssSelector(css)).click();
            return true;
        });
    }

    /** The message's text, read from the message as it is now drawn. */
    String messageText(String text) {
        return until(d -> message(text).getText());
    }

    /** Hovers the message, opens its emoji picker and picks {@code name}. */
    void react(String text, String name) {
        until(d -> {
            var message = message(text);
            new Actions(driver).moveToElement(message).perform();
            message.findElement(By.cssSelector(".add-reaction")).click();
            return true;
        });
        find("#emoji-picker .picker-emoji[data-name='" + name + "']").click();
    }

    /** Sets a datetimepicker of the open modal (date and time inputs read in the browser's zone, UTC). */
    void setDateTime(String blockId, String date, String time) {
        driver.executeScript("const inputs = document.querySelectorAll(`.modal [data-block-id='${arguments[0]}'] input`);"
                + " inputs[0].value = arguments[1]; inputs[1].value = arguments[2];", blockId, date, time);
    }

    void scrollMessagesToTheEnd() {
        driver.executeScript("const m = document.getElementById('messages'); m.scrollTop = m.scrollHeight;");
    }

    void scrollModalToTheTop() {
        driver.executeScript("const b = document.querySelector('.modal-body'); if (b) b.scrollTop = 0;");
    }

    Path screenshot(String name) {
        try {
            var dir = Files.createDirectories(Path.of("target", "sandbox-screenshots"));
            return Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
