package dev.changebot.slack.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.SectionBlock;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.notice.Notice;
import dev.changebot.domain.notice.NoticeFacts;
import dev.changebot.domain.notice.Recipient;
import dev.changebot.domain.policy.DeploymentPlan;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("A notice's Slack message")
class NoticeMessageTest {

    static final ChangeId CHG_3 = new ChangeId(3);
    static final Instant DUE = Instant.parse("2026-03-07T17:00:00Z");
    static final String DUE_TEXT = "<!date^1772902800^{date_short_pretty} {time}|2026-03-07 17:00 UTC>";
    static final String STEP = "step 1 (Backend Lead review)";

    static Stream<Arguments> everyKind() {
        return Stream.of(
                Arguments.of(soak("staging", Optional.of(new DeploymentPlan.NextDeployment("production", OptionalInt.empty()))),
                        ":white_check_mark: *CHG-3*: soak in staging complete — production allowed."),
                Arguments.of(soak("production 5%", Optional.of(new DeploymentPlan.NextDeployment("production",
                                OptionalInt.of(25)))),
                        ":white_check_mark: *CHG-3*: soak in production 5% complete — production 25% allowed."),
                Arguments.of(soak("dev", Optional.of(new DeploymentPlan.NextDeployment("staging", OptionalInt.empty()))),
                        ":white_check_mark: *CHG-3*: soak in dev complete — staging allowed."),
                Arguments.of(soak("production 100%", Optional.empty()), ":white_check_mark: *CHG-3*: soak in production"
                        + " 100% complete — nothing left to deploy; mark it Done when you are satisfied."),
                Arguments.of(new NoticeFacts.ApprovalReminder("Upgrade payments-api", STEP),
                        ":hourglass_flowing_sand: *CHG-3* Upgrade payments-api (step 1 (Backend Lead review)) is waiting"
                                + " for your approval. Approve it on its message, or with `/change approve CHG-3`."),
                Arguments.of(new NoticeFacts.ApprovalEscalation("Upgrade payments-api", STEP, "U0ALICE"),
                        ":rotating_light: *CHG-3* Upgrade payments-api (step 1 (Backend Lead review)) has waited too long"
                                + " for approval; the requester is <@U0ALICE>."),
                Arguments.of(new NoticeFacts.FollowUpReminder("Roll back the config", "retrospective", "Retrospective", DUE),
                        ":alarm_clock: *Retrospective* for *CHG-3* Roll back the config is due " + DUE_TEXT
                                + ". Satisfy it from the change's message or with `/change satisfy CHG-3 retrospective`."),
                Arguments.of(new NoticeFacts.FollowUpOverdue("Roll back the config", "retrospective", "Retrospective", DUE),
                        ":rotating_light: *Retrospective* for *CHG-3* Roll back the config is overdue: it was due "
                                + DUE_TEXT + ". It stays open until someone satisfies it."),
                Arguments.of(new NoticeFacts.ChangeNotPosted("C0DEPLOYS", "not_in_channel"),
                        "CHG-3 is recorded, but I could not post it in <#C0DEPLOYS> (not_in_channel). Invite me there with"
                                + " `/invite @Changebot`, or see it with `/change show CHG-3`."));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("everyKind")
    @DisplayName("says each kind of notice in the words people know")
    void wordsOfEachKind(NoticeFacts facts, String expected) {
        assertThat(NoticeMessage.text(notice(facts))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("everyKind")
    @DisplayName("shows the same words as one mrkdwn section")
    void oneSectionWithTheText(NoticeFacts facts, String expected) {
        assertThat(NoticeMessage.blocks(notice(facts))).singleElement().isInstanceOfSatisfying(SectionBlock.class,
                section -> {
                    assertThat(section.getText().getType()).isEqualTo("mrkdwn");
                    assertThat(section.getText().getText()).isEqualTo(expected);
                });
    }

    @Test
    @DisplayName("shows what people typed as text: a title, a follow-up's label, an environment")
    void escapesWhatPeopleTyped() {
        var reminder = NoticeMessage.text(notice(new NoticeFacts.FollowUpReminder("Fix <!channel> & co", "review",
                "Review <@U0BOSS>", DUE)));
        var soak = NoticeMessage.text(notice(soak("<!here>", Optional.of(new DeploymentPlan.NextDeployment("<b>",
                OptionalInt.empty())))));

        assertThat(reminder).contains("*Review &lt;@U0BOSS&gt;*", "Fix &lt;!channel&gt; &amp; co")
                .doesNotContain("<!channel>", "<@U0BOSS>");
        assertThat(soak).contains("soak in &lt;!here&gt; complete — &lt;b&gt; allowed.").doesNotContain("<!here>");
    }

    @Test
    @DisplayName("names a long title in 300 characters: the change's message shows it all")
    void cutsALongTitle() {
        var text = NoticeMessage.text(notice(new NoticeFacts.ApprovalReminder("x".repeat(5000), STEP)));

        assertThat(text).contains("x".repeat(NoticeMessage.MAX_TITLE - 1) + Cut.ELLIPSIS + " (" + STEP + ")")
                .doesNotContain("x".repeat(NoticeMessage.MAX_TITLE));
    }

    @Test
    @DisplayName("stays within Slack's limits whatever a policy's label holds")
    void withinSlackLimits() {
        var facts = new NoticeFacts.FollowUpOverdue("Roll back", "review", "<&>".repeat(10_000), DUE);

        assertThat(NoticeMessage.text(notice(facts))).hasSizeLessThanOrEqualTo(SlackLimits.MESSAGE_TEXT)
                .endsWith(Cut.ELLIPSIS);
        assertThat(((SectionBlock) NoticeMessage.blocks(notice(facts)).get(0)).getText().getText())
                .hasSizeLessThanOrEqualTo(SlackLimits.SECTION_TEXT).endsWith(Cut.ELLIPSIS);
    }

    @Test
    @DisplayName("a soak's end with an approval still needed before the next stage says production comes next once it is given")
    void soakEndAwaitingAnApproval() {
        var facts = new NoticeFacts.SoakCompleted("staging", Optional.of(new DeploymentPlan.NextDeployment("production",
                java.util.OptionalInt.empty())), java.util.List.of("Manual QA approval"));

        assertThat(NoticeMessage.text(notice(facts))).endsWith(
                "soak in staging complete — production next, once Manual QA approval is given.");
    }

    private static NoticeFacts soak(String environment, Optional<DeploymentPlan.NextDeployment> next) {
        return new NoticeFacts.SoakCompleted(environment, next);
    }

    @Test
    @DisplayName("an unauthorized deployment names where, who, the version and run, and why; a change when it named one")
    void unauthorizedDeployment() {
        var facts = new NoticeFacts.UnauthorizedDeployment("payments in production", "ci-<deploy>",
                "CHG-4 is still waiting for approval", Optional.of("1.4.2"), Optional.of("https://ci.example/runs/9"),
                DUE);

        var aboutChange = NoticeMessage.text(new Notice("T0", Optional.of(new ChangeId(4)), new Recipient.Channel("#ops"),
                facts));
        var aboutNone = NoticeMessage.text(new Notice("T0", Optional.empty(), new Recipient.Channel("#ops"),
                new NoticeFacts.UnauthorizedDeployment("production", "github-actions[bot]",
                        "no change and no allowed gate check covers it", Optional.empty(),
                        Optional.of("javascript:x|<!channel>"), DUE)));

        assertThat(aboutChange).startsWith(":rotating_light: *Unauthorized deployment* to payments in production")
                .contains("reported by ci-&lt;deploy&gt;", "version 1.4.2", "(<https://ci.example/runs/9|pipeline run>)",
                        "CHG-4 is still waiting for approval.", "`/change show CHG-4`");
        assertThat(aboutNone).contains("no change and no allowed gate check covers it.").doesNotContain("/change show",
                "javascript", "<!channel>");
    }

    private static Notice notice(NoticeFacts facts) {
        return new Notice("T1", CHG_3, new Recipient.Person("U0ALICE"), facts);
    }
}
