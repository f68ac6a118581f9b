package dev.changebot.slack.change;

import dev.changebot.application.ActionOutcome;

/** The words we answer with, shared by buttons, modals and slash commands. */
public final class Replies {

    /** Said when the database or Slack failed under us: nothing was lost, and trying again is safe. */
    public static final String TRY_AGAIN = "Changebot could not finish that just now: its database did not answer. "
            + "Nothing was changed. Please try again in a minute.";

    private Replies() {
    }

    /** What to tell the person who acted; {@code done} is the sentence for success. */
    public static String of(ActionOutcome outcome, String done) {
        if (outcome instanceof ActionOutcome.Refused refused) {
            return refused.reason();
        }
        if (outcome instanceof ActionOutcome.NotFound notFound) {
            return notFound(notFound.id().toString());
        }
        return done;
    }

    public static String notFound(String id) {
        return "There is no " + id + " here. `/change list` shows the open changes.";
    }
}
