package dev.changebot.slack.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.change.ChangeId;
import dev.changebot.slack.command.SlashCommand.Unreadable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Reading `/change ...`")
class ChangeCommandParserTest {

    static final ChangeId CHG_3 = new ChangeId(3);

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "   ", "help", "HELP", " help "})
    @NullSource
    @DisplayName("nothing, or help, asks for help")
    void helpForNothingOrHelp(String text) {
        assertThat(ChangeCommandParser.parse(text)).isEqualTo(new SlashCommand.Help());
    }

    @Test
    @DisplayName("`new` alone opens an empty form")
    void newWithoutTitle() {
        assertThat(ChangeCommandParser.parse("new")).isEqualTo(new SlashCommand.New(""));
    }

    @Test
    @DisplayName("`new` with words prefills them as the title")
    void newWithTitleHint() {
        assertThat(ChangeCommandParser.parse("new Deploy api v2")).isEqualTo(new SlashCommand.New("Deploy api v2"));
    }

    @Test
    @DisplayName("`new --service NAME` chooses the service, wherever the flag stands; the rest is the title")
    void newForAService() {
        assertThat(ChangeCommandParser.parse("new Fix the header --service Homepage"))
                .isEqualTo(new SlashCommand.New("Fix the header", java.util.Optional.of("homepage"), java.util.Optional.empty()));
        assertThat(ChangeCommandParser.parse("new --service api Bump retries"))
                .isEqualTo(new SlashCommand.New("Bump retries", java.util.Optional.of("api"), java.util.Optional.empty()));
        assertThat(ChangeCommandParser.parse("new --service")).isEqualTo(new SlashCommand.Unreadable(
                "`--service` needs a service of the policy, e.g. `--service homepage`."));
    }

    @Test
    @DisplayName("`new --type category/type` names the approval matrix's row, with or without a service")
    void newOfAType() {
        assertThat(ChangeCommandParser.parse("new Drop legacy column --type Database/column-removal --service api"))
                .isEqualTo(new SlashCommand.New("Drop legacy column", java.util.Optional.of("api"),
                        java.util.Optional.of("database/column-removal")));
        assertThat(ChangeCommandParser.parse("new --type")).isEqualTo(new SlashCommand.Unreadable(
                "`--type` needs a type of change of the policy, e.g. `--type database/column-removal`."));
    }

    @Test
    void listAsksForTheOpenChanges() {
        assertThat(ChangeCommandParser.parse("list")).isEqualTo(new SlashCommand.ListOpen());
    }

    @Test
    @DisplayName("a long list is read a page at a time: `list 3`, `freeze list 2`")
    void listsTakeAPage() {
        assertThat(ChangeCommandParser.parse("list 3")).isEqualTo(new SlashCommand.ListOpen(3));
        assertThat(ChangeCommandParser.parse("list")).isEqualTo(new SlashCommand.ListOpen(1));
        assertThat(ChangeCommandParser.parse("list mine")).isEqualTo(new SlashCommand.ListOpen(1));
        assertThat(ChangeCommandParser.parse("freeze list 2")).isEqualTo(new SlashCommand.FreezeList(2));
    }

    @Test
    void showNamesOneChange() {
        assertThat(ChangeCommandParser.parse("show CHG-3")).isEqualTo(new SlashCommand.Show(CHG_3));
    }

    @Test
    @DisplayName("approve reads the id in any case")
    void approveReadsTheIdInAnyCase() {
        assertThat(ChangeCommandParser.parse("approve chg-3")).isEqualTo(new SlashCommand.Approve(CHG_3));
    }

    @Test
    @DisplayName("approve CHG-n rollback asks for the approval a rollback needs; other words after the id are refused")
    void approveRollback() {
        assertThat(ChangeCommandParser.parse("approve CHG-3 rollback")).isEqualTo(new SlashCommand.Approve(CHG_3, true));
        assertThat(ChangeCommandParser.parse("approve chg-3 Rollback")).isEqualTo(new SlashCommand.Approve(CHG_3, true));
        assertThat(ChangeCommandParser.parse("approve CHG-3 production")).isEqualTo(new Unreadable("`/change approve`"
                + " takes a change id, and `rollback` after it to approve a rollback: `/change approve CHG-3 rollback`."));
    }

    @Test
    void cancelNamesOneChange() {
        assertThat(ChangeCommandParser.parse("cancel CHG-3")).isEqualTo(new SlashCommand.Cancel(CHG_3));
    }

    @Test
    @DisplayName("reject keeps everything after the id as the reason")
    void rejectKeepsTheReason() {
        assertThat(ChangeCommandParser.parse("reject CHG-3 too risky on a Friday"))
                .isEqualTo(new SlashCommand.Reject(CHG_3, "too risky on a Friday"));
    }

    @Test
    @DisplayName("reject without a reason is not read: the requester needs to know why")
    void rejectNeedsAReason() {
        assertThat(ChangeCommandParser.parse("reject CHG-3")).isInstanceOfSatisfying(Unreadable.class,
                unreadable -> assertThat(unreadable.problem()).contains("needs a reason"));
    }

    @Test
    void showWithoutAnIdIsNotRead() {
        assertThat(ChangeCommandParser.parse("show")).isInstanceOfSatisfying(Unreadable.class,
                unreadable -> assertThat(unreadable.problem()).contains("needs a change id like `CHG-12`"));
    }

    @Test
    void showWithSomethingElseThanAnIdIsNotRead() {
        assertThat(ChangeCommandParser.parse("show CHG-x")).isInstanceOfSatisfying(Unreadable.class,
                unreadable -> assertThat(unreadable.problem()).contains("not `CHG-x`"));
    }

    @Test
    @DisplayName("show with words after the id is not read, rather than silently dropping them")
    void showWithExtraWordsIsNotRead() {
        assertThat(ChangeCommandParser.parse("show CHG-1 extra")).isInstanceOfSatisfying(Unreadable.class,
                unreadable -> assertThat(unreadable.problem()).contains("takes only a change id"));
    }

    @Test
    @DisplayName("an unknown verb is echoed back in the problem")
    void unknownVerbIsEchoed() {
        assertThat(ChangeCommandParser.parse("frobnicate CHG-1")).isInstanceOfSatisfying(Unreadable.class,
                unreadable -> assertThat(unreadable.problem()).contains("frobnicate"));
    }

    @Test
    @DisplayName("an unknown verb is echoed escaped, so it cannot ping the channel")
    void unknownVerbIsEscaped() {
        assertThat(ChangeCommandParser.parse("<!channel>")).isInstanceOfSatisfying(Unreadable.class,
                unreadable -> assertThat(unreadable.problem())
                        .contains("&lt;!channel&gt;")
                        .doesNotContain("<!channel>"));
    }

    @Test
    @DisplayName("a bad id is echoed escaped too")
    void badIdIsEscaped() {
        assertThat(ChangeCommandParser.parse("approve <!here>")).isInstanceOfSatisfying(Unreadable.class,
                unreadable -> assertThat(unreadable.problem())
                        .contains("&lt;!here&gt;")
                        .doesNotContain("<!here>"));
    }

    @Test
    @DisplayName("a very long unknown word is clipped in the echo")
    void longWordIsClipped() {
        var problem = ((Unreadable) ChangeCommandParser.parse("x".repeat(500))).problem();

        assertThat(problem).contains("x".repeat(40) + "…").doesNotContain("x".repeat(41));
    }

    @Test
    @DisplayName("`calendar [period] [service]` in either order; blank is the next 7 days; two periods are unreadable")
    void calendar() {
        var none = java.util.Optional.<String>empty();
        assertThat(ChangeCommandParser.parse("calendar")).isEqualTo(new SlashCommand.Calendar("", none));
        assertThat(ChangeCommandParser.parse("calendar 30d")).isEqualTo(new SlashCommand.Calendar("30d", none));
        assertThat(ChangeCommandParser.parse("calendar API 2026-12"))
                .isEqualTo(new SlashCommand.Calendar("2026-12", java.util.Optional.of("api")));
        assertThat(ChangeCommandParser.parse("calendar 7d 30d")).isInstanceOf(Unreadable.class);
        assertThat(ChangeCommandParser.parse("calendar api web")).isInstanceOf(Unreadable.class);
    }

    @Test
    @DisplayName("`calendar subscribe [service…]` and `calendar unsubscribe` (which takes nothing more)")
    void calendarSubscriptions() {
        assertThat(ChangeCommandParser.parse("calendar subscribe")).isEqualTo(new SlashCommand.CalendarSubscribe(java.util.List.of()));
        assertThat(ChangeCommandParser.parse("calendar Subscribe API web"))
                .isEqualTo(new SlashCommand.CalendarSubscribe(java.util.List.of("api", "web")));
        assertThat(ChangeCommandParser.parse("calendar unsubscribe")).isEqualTo(new SlashCommand.CalendarUnsubscribe());
        assertThat(ChangeCommandParser.parse("calendar unsubscribe all")).isInstanceOf(Unreadable.class);
    }
}
