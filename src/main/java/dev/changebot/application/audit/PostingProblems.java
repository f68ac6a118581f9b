package dev.changebot.application.audit;

import jakarta.inject.Singleton;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Why checkpoints cannot be posted to the audit channel, logged once per problem rather than at
 * every checkpoint: a channel that is missing or lacks the bot stays so until someone acts. A post
 * that succeeds clears it, so the same problem coming back is told again.
 */
@Singleton
public class PostingProblems {

    private static final Logger LOG = LoggerFactory.getLogger(PostingProblems.class);

    private final AtomicReference<String> lastTold = new AtomicReference<>();

    /** Logs the problem unless it is the one told last; true when it was logged. */
    public boolean report(String channel, String problem) {
        var told = (channel == null ? "(no channel)" : channel) + ": " + problem;
        if (Objects.equals(lastTold.getAndSet(told), told)) {
            return false;
        }
        LOG.warn("Audit checkpoints are recorded but not posted to the audit channel {}: {}. {}",
                channel == null ? "(none configured)" : channel, problem, advice(problem));
        return true;
    }

    public void cleared() {
        lastTold.set(null);
    }

    static String advice(String problem) {
        return switch (problem) {
            case "channel_not_found" -> "Set CHANGEBOT_AUDIT_CHANNEL to an existing channel's id or #name.";
            case "not_in_channel" -> "Invite the bot to the channel (/invite @Changebot).";
            case "is_archived" -> "Unarchive the channel or name another in CHANGEBOT_AUDIT_CHANNEL.";
            default -> problem.startsWith("no audit channel")
                    ? "Set CHANGEBOT_AUDIT_CHANNEL so Slack keeps a copy no database administrator can rewrite."
                    : "The next checkpoint is posted again.";
        };
    }
}
