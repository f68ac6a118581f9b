package dev.changebot.domain.change;

import java.util.Locale;

/**
 * How an approval was given — the audit's "by button, reaction or command". Recorded with the
 * approval, because an auditor sampling a change asks how each approver acted, not only who.
 */
public enum ApprovalVia {
    BUTTON, REACTION, COMMAND;

    /** The word the audit trail and the evidence pack hold: {@code button}, {@code reaction}, {@code command}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
