package dev.changebot.slack.view;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import dev.changebot.application.query.ChangeView;
import dev.changebot.domain.approval.ChainProgress;
import dev.changebot.domain.change.ChangeState;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The approval ladder as text: each step in order with who approved it and when, the step now
 * open and what it waits for, the steps still to come, and how the change ended if it did.
 * A long ladder (a policy of many steps, many approvers, a long rejection reason) spreads over
 * several sections rather than breaking Slack's 3,000 characters per section.
 */
final class ApprovalLadder {

    /** Sections the ladder may take; past them the steps left out are counted. */
    static final int MAX_SECTIONS = 6;
    /** What a person wrote (a rejection reason, an override's justification) is cut here, shown whole in the audit trail. */
    static final int MAX_USER_TEXT = 1500;

    private ApprovalLadder() {
    }

    static List<LayoutBlock> sections(ChangeView view) {
        return Cut.chunks(lines(view), SlackLimits.SECTION_TEXT, MAX_SECTIONS,
                        n -> "…and " + n + " more line" + (n == 1 ? "" : "s") + " of the approval record, kept in the audit trail.")
                .stream().<LayoutBlock>map(text -> section(s -> s.text(markdownText(text)))).toList();
    }

    private static List<String> lines(ChangeView view) {
        var change = view.change();
        var lines = new ArrayList<String>();
        lines.add("*Approvals*");
        var steps = view.ladder().steps();
        boolean decided = change.state() != ChangeState.PENDING_APPROVAL;
        if (steps.isEmpty() && change.state() != ChangeState.REJECTED && change.state() != ChangeState.CANCELLED) {
            // Approvals during the deployment, if the policy asks any, are listed below the ladder.
            lines.add(":white_check_mark: Pre-approved by the policy: no approval needed"
                    + (view.stageApprovals().isEmpty() ? "" : " before the work starts"));
        }
        var current = view.ladder().current().map(ChainProgress.StepStatus::number).orElse(-1);
        for (var step : steps) {
            lines.add(line(step, !decided && step.number() == current, decided));
        }
        change.rejection().ifPresent(r -> lines.add(":x: Rejected by " + Mrkdwn.user(r.rejectedBy()) + " "
                + Mrkdwn.time(r.rejectedAt()) + ": " + Cut.userText(r.reason(), MAX_USER_TEXT)));
        change.pendingOverride().ifPresent(o -> lines.add(":writing_hand: *Override signed* by " + o.signers().stream()
                .map(s -> Mrkdwn.user(s.userId())).collect(Collectors.joining(" and ")) + " against "
                + Mrkdwn.escape(String.join(", ", o.rules())) + "; waiting for the other roles the policy names. Press Start to sign."));
        change.exception().ifPresent(e -> lines.add(":warning: *Started by override* by "
                + e.overriddenBy().stream().map(Mrkdwn::user).collect(Collectors.joining(" and "))
                + " " + Mrkdwn.time(e.at()) + ", against " + Mrkdwn.escape(String.join(", ", e.rules())) + ": "
                + Cut.userText(e.justification(), MAX_USER_TEXT)));
        change.soak().ifPresent(s -> lines.add(":hourglass: *Soaking in " + Mrkdwn.escape(s.environment()) + "* until "
                + Mrkdwn.time(s.until()) + "; nothing moves on before."));
        if (change.state() == ChangeState.CANCELLED) {
            lines.add(":no_entry_sign: Cancelled by the requester");
        }
        lines.addAll(StageApprovalLines.of(view));
        return lines;
    }

    private static String line(ChainProgress.StepStatus step, boolean open, boolean decided) {
        var name = "Step " + step.number() + " · " + Mrkdwn.escape(step.step().name());
        var approvedBy = step.approvals().stream()
                .map(a -> Mrkdwn.user(a.approverId()) + " " + Mrkdwn.time(a.approvedAt()))
                .collect(Collectors.joining(", "));
        if (step.done()) {
            return ":white_check_mark: *" + name + "* — approved by " + approvedBy;
        }
        if (open) {
            var waiting = ":arrow_forward: *" + name + "* — waiting for " + step.missing() + " approval"
                    + (step.missing() == 1 ? "" : "s") + " from " + roles(step.step().roles().stream().sorted().toList());
            return step.approvals().isEmpty() ? waiting : waiting + " (so far: " + approvedBy + ")";
        }
        return (decided ? ":heavy_minus_sign: " : ":white_circle: ") + name + (decided ? "" : " — to come");
    }

    private static String roles(List<String> roles) {
        return String.join(" or ", roles);
    }
}
