package dev.changebot.sandbox.render;

import static dev.changebot.sandbox.render.Readers.london;
import static dev.changebot.sandbox.render.Readers.read;
import static dev.changebot.sandbox.render.Readers.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The examples of Slack's "Formatting text for app surfaces", rendered as Slack shows them. */
class MrkdwnTextTest {

    private static List<Map<String, Object>> parse(String mrkdwn) {
        return MrkdwnText.parse(mrkdwn, london());
    }

    @Test
    void boldItalicAndStrikeAsInSlacksExample() {
        assertThat(parse("_italic_ *bold* ~strike~")).containsExactly(
                Map.of("type", "italic", "children", List.of(text("italic"))), text(" "),
                Map.of("type", "bold", "children", List.of(text("bold"))), text(" "),
                Map.of("type", "strike", "children", List.of(text("strike"))));
    }

    @Test
    void emphasisNests() {
        assertThat(parse("*bold _and italic_*")).containsExactly(Map.of("type", "bold", "children", List.of(
                text("bold "), Map.of("type", "italic", "children", List.of(text("and italic"))))));
    }

    @Test
    @DisplayName("markers inside words or next to spaces are text: snake_case_name, 2 * 3 * 4, a*b*c")
    void markersInsideWordsStayText() {
        assertThat(parse("snake_case_name")).containsExactly(text("snake_case_name"));
        assertThat(parse("2 * 3 * 4")).containsExactly(text("2 * 3 * 4"));
        assertThat(parse("a*b*c")).containsExactly(text("a*b*c"));
        assertThat(parse("*not closed")).containsExactly(text("*not closed"));
    }

    @Test
    void lineBreaksAsInSlacksExample() {
        assertThat(parse("This is a line of text.\nAnd this is another one.")).containsExactly(
                text("This is a line of text."), Map.of("type", "br"), text("And this is another one."));
    }

    @Test
    void inlineCodeIsNotFormatted() {
        assertThat(parse("This is `*not bold*` code")).containsExactly(
                text("This is "), Map.of("type", "code", "text", "*not bold*"), text(" code"));
    }

    @Test
    void preformattedBlockKeepsItsLinesAndFormatting() {
        assertThat(parse("Before\n```line *one*\nline &lt;two&gt;```\nAfter")).containsExactly(
                text("Before"), Map.of("type", "pre", "text", "line *one*\nline <two>"), text("After"));
    }

    @Test
    void quoteLinesFormOneQuote() {
        assertThat(parse("&gt; This is a quote\n> and *more*\nNot a quote")).containsExactly(
                Map.of("type", "quote", "children", List.of(text("This is a quote"), Map.of("type", "br"),
                        text("and "), Map.of("type", "bold", "children", List.of(text("more"))))),
                text("Not a quote"));
    }

    @Test
    @DisplayName("&amp; &lt; &gt; are decoded for display and nothing else is: &quot; and &#60; stay as written")
    void onlyTheThreeEscapesAreDecoded() {
        assertThat(parse("a &amp; b &lt;!channel&gt; &quot;q&quot; &#60;")).containsExactly(
                text("a & b <!channel> &quot;q&quot; &#60;"));
    }

    @Test
    void escapedMentionSyntaxIsNotAMention() {
        assertThat(parse("&lt;@U0ALICE&gt; and &lt;http://x|y&gt;")).containsExactly(
                text("<@U0ALICE> and <http://x|y>"));
    }

    @Test
    void linkWithLabelAsInSlacksExample() {
        assertThat(parse("<http://www.example.com|This message *is* a link>")).containsExactly(
                Map.of("type", "link", "url", "http://www.example.com", "children", List.of(
                        text("This message "), Map.of("type", "bold", "children", List.of(text("is"))),
                        text(" a link"))));
    }

    @Test
    void bareLinkAndMailto() {
        assertThat(parse("<https://example.com/a?b=1&amp;c=2>")).containsExactly(Map.of("type", "link",
                "url", "https://example.com/a?b=1&c=2", "children", List.of(text("https://example.com/a?b=1&c=2"))));
        assertThat(parse("<mailto:bob@example.com|Email Bob Roberts>")).containsExactly(Map.of("type", "link",
                "url", "mailto:bob@example.com", "children", List.of(text("Email Bob Roberts"))));
    }

    @Test
    void aScriptUrlIsNeverALink() {
        assertThat(parse("<javascript:alert(1)|click me>")).containsExactly(
                Map.of("type", "span", "children", List.of(text("click me"))));
    }

    @Test
    void underscoresInsideALinkDoNotCloseItalics() {
        assertThat(read(parse("_see <https://x.test/a_b|docs> now_"))).isEqualTo("see docs now");
        assertThat(parse("_see <https://x.test/a_b|docs> now_").get(0)).containsEntry("type", "italic");
    }

    @Test
    void userMentionsShowTheNameTheWorkspaceKnows() {
        assertThat(parse("<@U0ALICE> asked <@U0NOBODY> and <@U0GHOST|ghost>")).containsExactly(
                Map.of("type", "user", "id", "U0ALICE", "text", "@alice"), text(" asked "),
                Map.of("type", "user", "id", "U0NOBODY", "text", "@U0NOBODY"), text(" and "),
                Map.of("type", "user", "id", "U0GHOST", "text", "@ghost"));
    }

    @Test
    void groupChannelAndSpecialMentions() {
        assertThat(parse("<!subteam^S0SRE> <!subteam^S0X|@dba> <#C0CHANGES> <!here> <!channel> <!everyone>"))
                .containsExactly(
                        Map.of("type", "group", "id", "S0SRE", "text", "@sre-leads"), text(" "),
                        Map.of("type", "group", "id", "S0X", "text", "@dba"), text(" "),
                        Map.of("type", "channel", "id", "C0CHANGES", "text", "#changes"), text(" "),
                        Map.of("type", "broadcast", "name", "here", "text", "@here"), text(" "),
                        Map.of("type", "broadcast", "name", "channel", "text", "@channel"), text(" "),
                        Map.of("type", "broadcast", "name", "everyone", "text", "@everyone"));
    }

    @Test
    void knownEmojiNamesBecomeEmojiAndOthersStayText() {
        assertThat(parse(":white_check_mark: at 12:30:00 :partyparrot:")).containsExactly(
                Map.of("type", "emoji", "name", "white_check_mark", "text", "\u2705"),
                text(" at 12:30:00 :partyparrot:"));
    }

    @Test
    void plainTextIsLiteralApartFromEmoji() {
        assertThat(MrkdwnText.plain("*not bold* &amp; <@U0ALICE> :rocket:", true)).containsExactly(
                text("*not bold* &amp; <@U0ALICE> "), Map.of("type", "emoji", "name", "rocket", "text", "\uD83D\uDE80"));
        assertThat(MrkdwnText.plain(":rocket:", false)).containsExactly(text(":rocket:"));
    }

    @Test
    void emptyTextRendersNothing() {
        assertThat(parse("")).isEmpty();
        assertThat(parse(null)).isEmpty();
    }
}
