package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.changebot.support.OnPreset;
import dev.changebot.support.SlackPayloads;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * `/change calendar` asks Slack for the reader's time zone within the 3 seconds of its ack: a slow
 * users.info must not make it late. POL-008's zone is Los Angeles; the fake Slack's reader is in Berlin.
 */
@Timeout(120)
class SlowReaderZoneTest extends OnPreset {

    SlowReaderZoneTest() {
        super("pol-008", Instant.parse("2026-12-01T16:00:00Z"));
    }

    @Test
    @DisplayName("users.info held: the calendar answers in time in the policy's zone; Slack's late answer serves the next request")
    void slowSlackFallsBackToThePolicyZone() throws Exception {
        var release = slack.holdNext("users.info");

        long started = System.nanoTime();
        var first = calendar();
        var took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).as("within Slack's 3 s").isLessThan(Duration.ofMillis(2500));
        assertThat(first).contains("America/Los_Angeles").doesNotContain("Europe/Berlin");
        release.countDown();
        var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String second = calendar();
        while (!second.contains("Europe/Berlin") && System.nanoTime() < deadline) {
            second = calendar();
        }
        assertThat(second).as("the zone Slack gave late, remembered").contains("your time zone, Europe/Berlin");
        assertThat(slack.calls("users.info")).as("asked once, however many requests waited").hasSize(1);
    }

    private String calendar() {
        var body = app.slack(SlashCommands.of("U0READER", "C0DEPLOYS", "calendar"), SlackPayloads.FORM).body();
        return JsonParser.parseString(body).getAsJsonObject().toString();
    }
}
