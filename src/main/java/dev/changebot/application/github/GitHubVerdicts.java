package dev.changebot.application.github;

import dev.changebot.application.port.GateCheckWatchers;
import dev.changebot.application.port.GitHubProtectionRequests;
import dev.changebot.application.port.GitHubReplies;
import dev.changebot.domain.gate.GateCheck;
import dev.changebot.domain.gate.GateReason;
import dev.changebot.domain.gate.GateState;
import dev.changebot.domain.gate.GateVerdict;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/**
 * What GitHub is told of a gate check that decides one of its runs: while it waits, a status report
 * with the reasons (the step awaited, the soak, the freeze and when it ends); once it settles, the
 * review that approves or rejects the run. Queued in the transaction that decided.
 */
@Singleton
public class GitHubVerdicts implements GateCheckWatchers {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final GitHubProtectionRequests requests;
    private final GitHubReplies replies;

    public GitHubVerdicts(GitHubProtectionRequests requests, GitHubReplies replies) {
        this.requests = requests;
        this.replies = replies;
    }

    @Override
    public void changed(GateCheck check, Instant at) {
        for (var requestId : requests.byCheck(check.id())) {
            tell(requestId, check, at);
        }
    }

    /** The check's decision, for the request it decides. */
    void tell(long requestId, GateCheck check, Instant at) {
        var text = GitHubDeployments.cut(narrate(check));
        if (check.state().settled()) {
            replies.review(requestId, check.state() == GateState.ALLOWED, text, at);
        } else {
            replies.report(requestId, text, at);
        }
    }

    /** "Changebot is holding this deployment (CHG-42 to production): CHG-42 is waiting for approval …". */
    static String narrate(GateCheck check) {
        return opening(check.verdict().state()) + " (" + check.change() + " to " + check.environment() + "): "
                + reasons(check.verdict());
    }

    /** A refusal before any check could be opened: the request cannot be decided as asked. */
    static String refusal(String why) {
        return "Changebot rejects this deployment: " + why;
    }

    private static String opening(GateState state) {
        switch (state) {
            case ALLOWED:
                return "Changebot allows this deployment";
            case PENDING:
                return "Changebot is holding this deployment";
            case PREVENTED:
                return "Changebot prevents this deployment";
            default:
                return "Changebot cannot decide on this deployment";
        }
    }

    private static String reasons(GateVerdict verdict) {
        var text = verdict.reasons().stream().map(GateReason::text).collect(Collectors.joining(" "));
        return verdict.state() == GateState.PENDING
                ? text + verdict.nextOpen().map(next -> " It may go at " + AT.format(next) + " at the earliest.").orElse("")
                : text;
    }
}
