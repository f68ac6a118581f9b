package dev.changebot.sandbox.render;

import static dev.changebot.sandbox.render.Readers.SLACK_EXAMPLE_EPOCH;
import static dev.changebot.sandbox.render.Readers.in;
import static dev.changebot.sandbox.render.Readers.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Slack's date formatting examples: 1392734382 is 2014-02-18 6:39:42 AM in PST, and each reader
 * sees it in their own zone; the fallback shows when the token cannot be formatted.
 */
class SlackDatesTest {

    private static final Instant LATER = Instant.parse("2026-12-02T10:00:00Z");

    private static String show(String mrkdwn, String zone, Instant now) {
        return read(MrkdwnText.parse(mrkdwn, in(zone, now)));
    }

    private static String show(String mrkdwn, String zone) {
        return show(mrkdwn, zone, LATER);
    }

    @Test
    void postedExampleInPacificTime() {
        assertThat(show("<!date^" + SLACK_EXAMPLE_EPOCH + "^Posted {date_num} {time_secs}|Posted 2014-02-18 6:39:42 AM PST>",
                "America/Los_Angeles")).isEqualTo("Posted 2014-02-18 6:39:42 AM");
    }

    @Test
    void theSameInstantInAnotherReadersZone() {
        assertThat(show("<!date^" + SLACK_EXAMPLE_EPOCH + "^{date_num} {time}|x>", "Europe/Berlin"))
                .isEqualTo("2014-02-18 3:39 PM");
        assertThat(show("<!date^" + SLACK_EXAMPLE_EPOCH + "^{date_num} {time}|x>", "Asia/Tokyo"))
                .isEqualTo("2014-02-18 11:39 PM");
    }

    @Test
    void everyDateToken() {
        String zone = "America/Los_Angeles";
        String prefix = "<!date^" + SLACK_EXAMPLE_EPOCH + "^";
        assertThat(show(prefix + "{date}|f>", zone)).isEqualTo("February 18th, 2014");
        assertThat(show(prefix + "{date_short}|f>", zone)).isEqualTo("Feb 18, 2014");
        assertThat(show(prefix + "{date_long}|f>", zone)).isEqualTo("Tuesday, February 18th, 2014");
        assertThat(show(prefix + "{date_long_full}|f>", zone)).isEqualTo("February 18, 2014");
        assertThat(show(prefix + "{date_slash}|f>", zone)).isEqualTo("18/02/2014");
        assertThat(show(prefix + "{time}|f>", zone)).isEqualTo("6:39 AM");
        assertThat(show(prefix + "{date_short_pretty}|f>", zone)).isEqualTo("Feb 18, 2014");
    }

    @Test
    void prettyFormsSayTodayYesterdayTomorrowInTheReadersZone() {
        Instant now = Instant.ofEpochSecond(SLACK_EXAMPLE_EPOCH).plusSeconds(3600);
        String prefix = "<!date^" + SLACK_EXAMPLE_EPOCH + "^";
        assertThat(show(prefix + "{date_short_pretty} {time}|f>", "America/Los_Angeles", now)).isEqualTo("today 6:39 AM");
        assertThat(show(prefix + "{date_pretty}|f>", "America/Los_Angeles", now.plusSeconds(86_400)))
                .isEqualTo("yesterday");
        assertThat(show(prefix + "{date_long_pretty}|f>", "America/Los_Angeles", now.minusSeconds(86_400)))
                .isEqualTo("tomorrow");
        // The same instant falls on the 18th in Hawaii and on the 19th in Auckland: "today" for both readers.
        Instant hawaiiMorning = Instant.parse("2014-02-18T20:00:00Z");
        assertThat(show(prefix + "{date_pretty}|f>", "Pacific/Honolulu", hawaiiMorning)).isEqualTo("today");
        assertThat(show(prefix + "{date_pretty}|f>", "Pacific/Auckland", hawaiiMorning)).isEqualTo("today");
    }

    @Test
    void agoCountsFromNow() {
        Instant now = Instant.ofEpochSecond(SLACK_EXAMPLE_EPOCH).plusSeconds(180);
        assertThat(show("<!date^" + SLACK_EXAMPLE_EPOCH + "^{ago}|f>", "UTC", now)).isEqualTo("3 minutes ago");
    }

    @Test
    void optionalLinkMakesTheDateALink() {
        List<Map<String, Object>> nodes = MrkdwnText.parse(
                "<!date^" + SLACK_EXAMPLE_EPOCH + "^{date_short}^https://example.com/|Feb 18, 2014 PST>",
                in("America/Los_Angeles", LATER));
        assertThat(nodes).containsExactly(Map.of("type", "date", "text", "Feb 18, 2014",
                "url", "https://example.com/", "fallback", "Feb 18, 2014 PST"));
    }

    @Test
    void fallbackWhenTheTokenCannotBeFormatted() {
        assertThat(show("<!date^notanumber^{date}|Some day>", "UTC")).isEqualTo("Some day");
        assertThat(show("<!date^" + SLACK_EXAMPLE_EPOCH + "^{no_such_token}|Some day>", "UTC")).isEqualTo("Some day");
    }

    @Test
    void theBotsOwnTimeFormat() {
        // Mrkdwn.time(...) in dev.changebot.slack.view writes {date_short_pretty} {time} with a UTC fallback.
        long noon = Instant.parse("2026-12-03T12:00:00Z").getEpochSecond();
        assertThat(show("<!date^" + noon + "^{date_short_pretty} {time}|2026-12-03 12:00 UTC>", "Europe/London"))
                .isEqualTo("tomorrow 12:00 PM");
        assertThat(show("<!date^" + noon + "^{date_short_pretty} {time}|2026-12-03 12:00 UTC>", "America/New_York"))
                .isEqualTo("tomorrow 7:00 AM");
    }
}
