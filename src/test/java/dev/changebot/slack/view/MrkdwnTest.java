package dev.changebot.slack.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Slack mrkdwn")
class MrkdwnTest {

    @Test
    @DisplayName("escapes the three characters Slack gives meaning to")
    void escapesControlCharacters() {
        assertThat(Mrkdwn.escape("&<>")).isEqualTo("&amp;&lt;&gt;");
    }

    @Test
    @DisplayName("shows a broadcast as typed instead of pinging everyone")
    void escapesABroadcast() {
        assertThat(Mrkdwn.escape("Deploy <!channel> now")).isEqualTo("Deploy &lt;!channel&gt; now");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        assertThat(Mrkdwn.escape("Déploiement *api* v2 ✓")).isEqualTo("Déploiement *api* v2 ✓");
    }

    @Test
    void escapesNothingToEmptyText() {
        assertThat(Mrkdwn.escape(null)).isEmpty();
    }

    @Test
    @DisplayName("shows a time in each reader's zone, falling back to UTC")
    void rendersATime() {
        var monday = Instant.parse("2026-03-02T09:00:00Z");

        assertThat(Mrkdwn.time(monday)).isEqualTo(
                "<!date^" + monday.getEpochSecond() + "^{date_short_pretty} {time}|2026-03-02 09:00 UTC>");
    }

    @Test
    void mentionsAUser() {
        assertThat(Mrkdwn.user("U_ALICE")).isEqualTo("<@U_ALICE>");
    }

    @ParameterizedTest(name = "{0} minutes read as \"{1}\"")
    @CsvSource({
            "45, 45 min",
            "120, 2 h",
            "90, 1 h 30 min",
            "1, 1 min",
            "1440, 24 h"
    })
    @DisplayName("shows a duration in hours and minutes")
    void rendersADuration(long minutes, String expected) {
        assertThat(Mrkdwn.duration(Duration.ofMinutes(minutes))).isEqualTo(expected);
    }

    @Test
    @DisplayName("cuts escaped text to fit a section, leaving room for the label")
    void cutsForASection() {
        var cut = Mrkdwn.escapeForSection("<".repeat(1000), 100);

        assertThat(cut.length()).isLessThanOrEqualTo(Mrkdwn.MAX_SECTION_TEXT - 100)
                .isGreaterThan(Mrkdwn.MAX_SECTION_TEXT - 100 - "&lt;".length() - 1);
        assertThat(cut).endsWith("&lt;…");
    }

    @Test
    void leavesShortTextWhole() {
        assertThat(Mrkdwn.escapeForSection("Roll back with helm", 100)).isEqualTo("Roll back with helm");
    }

    @org.junit.jupiter.api.Test
    void cuttingNeverSplitsAnEmojiOrAnEntity() {
        var emoji = Mrkdwn.escapeWithin("😀".repeat(20), 11);
        var entities = Mrkdwn.escapeWithin("<".repeat(20), 11);

        org.assertj.core.api.Assertions.assertThat(emoji).isEqualTo("😀".repeat(5) + "…");
        org.assertj.core.api.Assertions.assertThat(entities).isEqualTo("&lt;&lt;…");
        org.assertj.core.api.Assertions.assertThat(Mrkdwn.clip("ab😀cd", 4)).isEqualTo("ab…");
    }
}
