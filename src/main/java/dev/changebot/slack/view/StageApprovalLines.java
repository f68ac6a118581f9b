package dev.changebot.slack.view;

import dev.changebot.application.query.ChangeView;
import dev.changebot.domain.approval.StageApprovals;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The approvals the policy asks during the deployment, under the approval ladder: given, due now
 * (what the change waits for, with who may give it and how), or to come once the change reaches the
 * stage before. Shown from the request on, so the requester knows what the deployment will ask; once
 * the change has ended, those never given say so.
 */
final class StageApprovalLines {

    private StageApprovalLines() {
    }

    static List<String> of(ChangeView view) {
        var lines = new ArrayList<String>();
        if (view.stageApprovals().isEmpty()) {
            return lines;
        }
        boolean underWay = view.change().state().isOpen();
        lines.add("*Approvals during the deployment*");
        for (var status : view.stageApprovals()) {
            lines.add(line(view, status, underWay));
        }
        return lines;
    }

    private static String line(ChangeView view, StageApprovals.Status status, boolean underWay) {
        var approval = status.approval();
        var name = "*" + Mrkdwn.escape(approval.step()) + "* before " + Mrkdwn.escape(approval.before());
        var given = status.given().stream().map(g -> Mrkdwn.user(g.approverId()) + " " + Mrkdwn.time(g.approvedAt()))
                .collect(Collectors.joining(", "));
        if (status.done()) {
            return ":white_check_mark: " + name + " — approved by " + given;
        }
        if (status.waiting()) {
            var waiting = ":arrow_forward: " + name + " — waiting for " + who(view, status) + ": "
                    + (approval.beforeRollback() ? "press Approve rollback or `/change approve " + view.change().id() + " rollback`"
                    : "press Approve, react, or `/change approve " + view.change().id() + "`");
            return given.isEmpty() ? waiting : waiting + " (so far: " + given + ")";
        }
        if (status.passed() || !underWay) {
            return ":heavy_minus_sign: " + name + (given.isEmpty() ? " — not given" : " — given by " + given);
        }
        return ":white_circle: " + name + " — " + who(view, status) + ", due once the stage before is reached";
    }

    private static String who(ChangeView view, StageApprovals.Status status) {
        var approval = status.approval();
        if (approval.all()) {
            return String.join(" and ", status.rolesMissing().stream().map(r -> Mrkdwn.escape(view.roleLabel(r))).toList());
        }
        var roles = String.join(" or ", approval.roles().stream().map(r -> Mrkdwn.escape(view.roleLabel(r))).toList());
        return status.missing() == 1 ? roles : status.missing() + " approvals from " + roles;
    }
}
