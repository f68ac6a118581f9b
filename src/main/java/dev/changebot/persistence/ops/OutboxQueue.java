package dev.changebot.persistence.ops;

import java.util.Locale;

/** The queues of posts waiting to go out (the Slack outbox's two tables, GitHub's replies), as the {@code queue} label names them. */
enum OutboxQueue {
    /** slack_outbox: a change's message, posted or updated to its newest state. */
    MESSAGES("slack_outbox"),
    /** slack_notice: one-off posts (reminders, escalations, "soak complete"). */
    NOTICES("slack_notice"),
    /** github_reply: what goes back to GitHub's deployment protection rules (status reports, reviews). */
    GITHUB_REPLIES("github_reply");

    private final String table;
    private final String label = name().toLowerCase(Locale.ROOT);

    OutboxQueue(String table) {
        this.table = table;
    }

    String table() {
        return table;
    }

    String label() {
        return label;
    }
}
