package dev.changebot.slack.view;

import static dev.changebot.domain.change.ChangeFixtures.NOW;
import static dev.changebot.domain.change.ChangeFixtures.REQUESTER;
import static dev.changebot.domain.change.ChangeFixtures.changeIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.ButtonElement;
import dev.changebot.application.query.ChangeViews;
import dev.changebot.domain.change.ApprovalVia;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.policy.StageApprovalFixtures;
import dev.changebot.domain.rules.Acting;
import dev.changebot.domain.rules.ChangeCommand;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The approvals the policy asks during the deployment, on the change's message: to come, due (with a button), given. */
@DisplayName("A change's message and its approvals during the deployment")
class StageApprovalMessageTest {

    static final Policy POLICY = StageApprovalFixtures.chatBackendLike();

    static Change started(String changeClass) {
        return Acting.approvedAndStarted(changeIn(changeClass, ChangeState.PENDING_APPROVAL), POLICY, NOW);
    }

    static List<LayoutBlock> blocks(Change change) {
        return ChangeMessage.channelBlocks(new ChangeViews(POLICY).of(change));
    }

    static List<String> buttonTexts(List<LayoutBlock> blocks) {
        return blocks.stream().filter(ActionsBlock.class::isInstance).map(ActionsBlock.class::cast)
                .flatMap(a -> a.getElements().stream()).map(ButtonElement.class::cast).map(b -> b.getText().getText()).toList();
    }

    static String text(List<LayoutBlock> blocks) {
        return String.join("\n", blocks.stream().filter(SectionBlock.class::isInstance).map(SectionBlock.class::cast)
                .filter(s -> s.getText() != null).map(s -> s.getText().getText()).toList());
    }

    @Test
    @DisplayName("before staging, QA's approval is listed as to come, with no button; once in staging it is due, with Approve production deployment")
    void toComeThenDue() {
        var change = started("medium");
        assertThat(text(blocks(change))).contains("*Manual QA approval* before production — QA, due once the stage before is reached");
        assertThat(buttonTexts(blocks(change))).doesNotContain("Approve production deployment");

        Acting.act(change, new ChangeCommand.ReportDeployment("staging", OptionalInt.empty()), REQUESTER, Set.of(), POLICY, NOW);

        var due = blocks(change);
        assertThat(text(due)).contains(":arrow_forward: *Manual QA approval* before production — waiting for QA: press"
                + " Approve, react, or `/change approve CHG-1`");
        assertThat(buttonTexts(due)).contains("Approve production deployment");
    }

    @Test
    @DisplayName("given, it names who approved; a rollback approval due has its own button, Approve rollback")
    void givenAndRollback() {
        var change = started("high");
        Acting.act(change, new ChangeCommand.ReportDeployment("staging", OptionalInt.empty()), REQUESTER, Set.of(), POLICY, NOW);
        Acting.act(change, new ChangeCommand.Approve(ApprovalVia.BUTTON), "U_TARA", Set.of(StageApprovalFixtures.TECH_ARCHITECT),
                POLICY, NOW);

        var blocks = blocks(change);
        assertThat(text(blocks)).contains(":white_check_mark: *Tech Architect production gate* before production — approved by <@U_TARA>",
                "*Rollback dual approval* before rollback — waiting for Backend Lead and SRE Lead");
        assertThat(buttonTexts(blocks)).contains("Approve rollback").doesNotContain("Approve production deployment");
    }
}
