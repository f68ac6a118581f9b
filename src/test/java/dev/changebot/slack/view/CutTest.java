package dev.changebot.slack.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Cutting text to Slack's limits")
class CutTest {

    @Test
    void leavesTextThatFitsAlone() {
        assertThat(Cut.mrkdwn("Roll back <@U1>", 15)).isEqualTo("Roll back <@U1>");
        assertThat(Cut.plain("Deploy", 6)).isEqualTo("Deploy");
    }

    @Test
    @DisplayName("cuts with an ellipsis, within the limit, dropping the space before it")
    void cutsWithAnEllipsis() {
        assertThat(Cut.plain("Deploy the api now", 12)).isEqualTo("Deploy the…");
    }

    @Test
    @DisplayName("never leaves half an escape entity")
    void keepsEntitiesWhole() {
        var cut = Cut.userText("a&<>".repeat(100), 30);

        assertThat(cut).hasSizeLessThanOrEqualTo(30).endsWith("…");
        assertThat(cut.substring(0, cut.length() - 1)).matches("(a|&amp;|&lt;|&gt;)*");
    }

    @Test
    @DisplayName("never leaves half a live mention, date or link")
    void keepsMentionsWhole() {
        var text = "x".repeat(10) + "<@U0ALICE> <!date^1700000000^{date_short}|2023-11-14> <https://example.com/a|the runbook>";

        for (int max = 11; max < text.length(); max++) {
            var cut = Cut.mrkdwn(text, max);
            assertThat(cut).hasSizeLessThanOrEqualTo(max);
            assertThat(count(cut, '<')).as("cut at %d: %s", max, cut).isEqualTo(count(cut, '>'));
        }
    }

    @Test
    @DisplayName("never leaves half of a mention or link a person typed, shown escaped")
    void keepsEscapedMentionsWhole() {
        var cut = Cut.userText("hi <!here> and <https://evil.example|click>", 30);

        assertThat(cut).isEqualTo("hi &lt;!here&gt; and…");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"😀", "👩‍👩‍👧‍👦", "🇩🇪", "👍🏽", "é", "☺️", ":rocket:", ":+1::skin-tone-3:"})
    @DisplayName("never splits an emoji, a flag, a family, an accent or a shortcode")
    void keepsEmojiWhole(String emoji) {
        var text = ("a" + emoji).repeat(50);

        for (int max = 2; max < 40; max++) {
            var cut = Cut.mrkdwn(text, max);
            assertThat(cut).hasSizeLessThanOrEqualTo(max).endsWith("…");
            assertThat(cut.substring(0, cut.length() - 1)).as("cut at %d", max).matches("(a|" + java.util.regex.Pattern.quote(emoji) + ")*");
            assertThat(Cut.plain(text, max).replace("…", "")).matches("(a|" + java.util.regex.Pattern.quote(emoji) + ")*");
        }
    }

    @Test
    @DisplayName("a list that fits is joined whole")
    void listThatFits() {
        assertThat(Cut.lines(List.of("one", "two"), 100, n -> "…and " + n + " more")).isEqualTo("one\ntwo");
    }

    @Test
    @DisplayName("a long list keeps whole lines and says how many more there are")
    void longListSaysHowManyMore() {
        var lines = IntStream.rangeClosed(1, 200).mapToObj(i -> "• item " + i).toList();

        var text = Cut.lines(lines, 100, n -> "…and " + n + " more: `/change list`");

        assertThat(text).hasSizeLessThanOrEqualTo(100).startsWith("• item 1\n").doesNotContain("…and 200");
        int shown = text.split("\n").length - 1;
        assertThat(text).endsWith("\n…and " + (200 - shown) + " more: `/change list`");
        assertThat(text.split("\n")[shown - 1]).isEqualTo("• item " + shown);
    }

    @Test
    @DisplayName("a list spreads over several sections, the last one saying how many more")
    void chunks() {
        var lines = IntStream.rangeClosed(1, 100).mapToObj(i -> "x".repeat(95) + String.format("%04d", i)).toList();

        var chunks = Cut.chunks(lines, 500, 3, n -> "…and " + n + " more");

        assertThat(chunks).hasSize(3).allSatisfy(c -> assertThat(c).hasSizeLessThanOrEqualTo(500));
        int shown = chunks.stream().mapToInt(c -> c.split("\n").length).sum() - 1;
        assertThat(chunks.get(2)).endsWith("…and " + (100 - shown) + " more");
        assertThat(String.join("\n", chunks)).contains(String.format("%04d", shown)).doesNotContain(String.format("%04d", shown + 1));
    }

    @Test
    @DisplayName("one line longer than the whole room is cut, not lost")
    void oneHugeLine() {
        assertThat(Cut.chunks(List.of("y".repeat(5000)), 3000, 2, n -> "more"))
                .singleElement().satisfies(c -> assertThat(c).hasSize(3000).endsWith("…"));
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }
}
