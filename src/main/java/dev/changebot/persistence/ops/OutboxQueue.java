package dev.changebot.persistence.ops;

import java.util.Locale;

/** The outbox's two tables, as the {@code queue} label names them. */
enum OutboxQueue {
    /** slack_outbox: a change's message, posted or updated to its newest state. */
    MESSAGES("slack_outbox"),
    /** slack_notice: one-off posts (reminders, escalations, "soak complete"). */
    NOTICES("slack_notice");

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
