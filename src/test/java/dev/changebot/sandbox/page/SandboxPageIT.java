package dev.changebot.sandbox.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.slack.SlackIds;
import dev.changebot.support.AppProcess;
import dev.changebot.support.LeftRunning;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The sandbox in a real browser, as a newcomer meets it: the packaged jar started with nothing in
 * the environment but HOME (so no Slack credentials: sandbox mode, the embedded database), and
 * headless Chromium on its page. One person requests a change through the modal, another approves
 * it with the button and reacts to it, and the App Home shows it. It writes the README's
 * screenshots to target/sandbox-screenshots/ on the way.
 *
 * <p>The jar rather than an in-process app: it is what the README's commands start, and the test's
 * class path (Selenium and its dependencies) stays out of the app's.
 */
@Timeout(300)
class SandboxPageIT {

    private static final Duration START = Duration.ofSeconds(120);
    private static final String PROPOSED_START = "proposed_start";
    /** What a requester would write in the new change form, by block id (the screenshots show them). */
    private static final java.util.Map<String, String> ANSWERS = java.util.Map.of(
            "description", "Replace the TLS certificates of the public load balancers before they expire on Friday.",
            "justification", "The current certificates expire in 3 days.",
            "systems_affected", "edge-lb, api-gateway",
            "implementation_plan", "Upload the new bundle, switch the listeners one by one, watch the error rate.",
            "rollback_plan", "Switch the listeners back to the previous bundle (kept for 7 days).",
            "testing_evidence", "Rotated on staging yesterday; synthetic checks green since.");

    @TempDir
    static Path home;

    private static AppProcess app;
    private static ChromeDriver browser;

    @BeforeAll
    static void startTheJarAndTheBrowser() throws Exception {
        HeadlessChromium.requireInstalled();
        var jar = Path.of("target", "changebot.jar").toAbsolutePath();
        assertThat(jar).as("the packaged jar (failsafe runs after package)").exists();
        int port = AppProcess.freePort();
        var workDir = Files.createDirectories(home.resolve("work"));
        var builder = new ProcessBuilder(new ArrayList<>(List.of(AppProcess.javaBinary(), "-Xmx384m",
                "-Dmicronaut.server.port=" + port, "-jar", jar.toString()))).directory(workDir.toFile());
        builder.environment().clear();
        builder.environment().put("HOME", home.toString());
        app = AppProcess.launch(builder, port, home.resolve("changebot.log")).awaitHealthy(START);
        browser = HeadlessChromium.start(home.resolve("chromium-profile"));
        browser.get("http://127.0.0.1:" + port + "/sandbox");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            // SIGTERM, so the embedded database stops cleanly before JUnit deletes HOME.
            app.terminate(Duration.ofSeconds(60));
            app.close();
            LeftRunning.assertNothingRunsIn(home);
        }
    }

    private static SandboxPage page() {
        var url = browser.getCurrentUrl();
        return new SandboxPage(browser, url.substring(0, url.indexOf("/sandbox")));
    }

    @Test
    @DisplayName("request with /change new and the modal, approve as someone else with the button, react, open the App Home")
    void aChangeFromRequestToApproval() {
        var page = page().open("U0ALICE");
        assertThat(app.logTail()).contains("Sandbox: open http://localhost:");
        assertThat(page.text("#channel-title")).isEqualTo("# changes");
        assertThat(page.text("#pinned")).contains("/change new");

        page.type("/change new Rotate the TLS certificates");
        var modal = page.find(".modal");
        assertThat(page.text(".modal-title")).isNotBlank();
        fillEveryRequiredField(page, modal);
        page.scrollModalToTheTop();
        page.screenshot("modal");

        // A start in the default policy's weekend freeze: the bot refuses it in the form, under the field.
        var saturdayNoon = ZonedDateTime.now(ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.SATURDAY))
                .withHour(12).withMinute(0);
        page.setDateTime(PROPOSED_START, saturdayNoon.toLocalDate().toString(), "12:00");
        page.find(".modal-submit").click();
        var error = page.until(d -> d.findElements(By.cssSelector("[data-block-id='" + PROPOSED_START + "'] .input-error"))
                .stream().map(WebElement::getText).filter(text -> !text.isBlank()).findFirst().orElse(null));
        var earliest = Pattern.compile("Earliest compliant start: \\w+ (\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}) UTC").matcher(error);
        assertThat(earliest.find()).as(error).isTrue();
        assertThat(page.all("#modal-layer .modal")).as("the modal stays open with the bot's error").hasSize(1);

        // Reloaded, the page shows the modal again with what was typed and the bot's error.
        browser.navigate().refresh();
        page.until(d -> d.findElements(By.cssSelector(".modal [data-block-id='description'] textarea")).stream()
                .anyMatch(field -> ANSWERS.get("description").equals(field.getAttribute("value"))));
        assertThat(page.text("[data-block-id='" + PROPOSED_START + "'] .input-error")).isEqualTo(error);

        page.setDateTime(PROPOSED_START, earliest.group(1), earliest.group(2));
        page.find(".modal-submit").click();
        page.until(d -> d.findElements(By.cssSelector("#modal-layer .modal")).isEmpty());

        var title = "Rotate the TLS certificates";
        var approve = "[data-action-id='" + SlackIds.APPROVE_BUTTON + "']";
        page.until(d -> !page.message(title).findElements(By.cssSelector(approve)).isEmpty());

        page.switchTo("Change approver");
        page.clickInMessage(title, approve);
        confirmIfAsked(page);
        page.until(d -> page.message(title).findElements(By.cssSelector(approve)).isEmpty());
        assertThat(page.messageText(title)).containsIgnoringCase("approved");

        page.react(title, "eyes");
        page.until(d -> page.message(title).findElement(By.cssSelector(".reaction.mine[data-name='eyes']")).getText()
                .contains("1"));
        page.scrollMessagesToTheEnd();
        page.screenshot("channel");
        page.clickInMessage(title, ".reaction.mine[data-name='eyes']");
        page.until(d -> page.message(title).findElements(By.cssSelector(".reaction[data-name='eyes']")).isEmpty());

        page.switchTo("Requester");
        page.find("#nav-home").click();
        page.until(d -> d.findElement(By.id("home")).getText().contains("Rotate the TLS certificates"));
        assertThat(page.text("#channel-title")).contains("Home");
        assertThat(page.text("#home")).contains("Your open changes");
        page.screenshot("home");
    }

    @Test
    @DisplayName("markup typed into a message is shown as text, never made into elements")
    void typedMarkupStaysText() {
        var page = page().open("U0ALICE");
        page.find("#dms .nav-item[data-channel]").click();
        page.type("<img src=x onerror=alert(1)> &amp; <b>bold?</b>");
        var message = page.message("onerror");
        assertThat(message.findElements(By.cssSelector("img"))).isEmpty();
        assertThat(message.findElements(By.cssSelector(".message-body b"))).isEmpty();
    }

    @Test
    @DisplayName("a person added in the editor and put in a group appears in the switcher; the bot's clock moves forward")
    void peopleAndTheClock() {
        var page = page().open("U0ALICE");
        page.find("#edit-people").click();
        page.find(".people-editor .add-person").click();
        var rows = page.all(".people-table tr");
        var added = rows.get(rows.size() - 1);
        added.findElement(By.cssSelector("input[data-field='name']")).sendKeys("zed");
        added.findElement(By.cssSelector("input[data-field='real_name']")).sendKeys("Zed Ortiz");
        added.findElement(By.cssSelector("input[data-field='title']")).sendKeys("Second approver");
        added.findElements(By.cssSelector("input[type='checkbox']")).get(0).click();
        page.find(".people-editor .save-people").click();
        page.until(d -> d.findElement(By.id("person")).getText().contains("Zed Ortiz \u2014 Second approver"));
        assertThat(page.all("#dialog-layer .people-editor")).isEmpty();

        page.find("#clock-panel [data-minutes='60']").click();
        page.until(d -> d.findElement(By.id("clock-now")).getText().contains("(1 h 0 min ahead)"));
    }

    private static void fillEveryRequiredField(SandboxPage page, WebElement modal) {
        for (var input : modal.findElements(By.cssSelector(".block-input"))) {
            boolean optional = !input.findElements(By.cssSelector(".optional")).isEmpty();
            for (var field : input.findElements(By.cssSelector("input.sb-input[type='text'], textarea"))) {
                // Text fields are optional in the form because which are needed depends on the class: fill them all.
                if (field.getAttribute("value").isEmpty()) {
                    field.sendKeys(ANSWERS.getOrDefault(input.getAttribute("data-block-id"), "n/a"));
                }
            }
            // Selects only where required: the optional class stays empty, so the policy's default class applies.
            for (var select : input.findElements(By.cssSelector("select"))) {
                var choice = new Select(select);
                boolean chosen = choice.getAllSelectedOptions().stream().anyMatch(o -> !o.getAttribute("value").isEmpty());
                if (!chosen && !optional) {
                    choice.getOptions().stream().filter(o -> !o.getAttribute("value").isEmpty()).findFirst()
                            .ifPresent(o -> choice.selectByValue(o.getAttribute("value")));
                }
            }
        }
    }

    private static void confirmIfAsked(SandboxPage page) {
        var confirm = page.all("#dialog-layer .confirm-yes");
        if (!confirm.isEmpty() && confirm.get(0).isDisplayed()) {
            confirm.get(0).click();
        }
    }
}
