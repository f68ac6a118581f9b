package dev.changebot.domain.policy;

import java.util.Optional;

/**
 * The policy's {@code reports:} section: the channel the previous month's report is posted to on
 * the first working day of each month (chat-backend: "monthly audit reports"); none, no post.
 */
public record ReportSettings(Optional<String> channel) {

    public static ReportSettings none() {
        return new ReportSettings(Optional.empty());
    }
}
