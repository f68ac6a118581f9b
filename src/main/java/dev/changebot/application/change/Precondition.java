package dev.changebot.application.change;

import dev.changebot.domain.change.Change;
import java.util.Optional;

/**
 * What must hold of a change for a person's command to run at all, apart from the rules: where the
 * command came from (a button acts only on the change whose message it sits on). Checked on the
 * change as the command's transaction has locked it, before the rules, so asking costs no read of
 * its own; the refusal's words are what the person is told.
 */
@FunctionalInterface
public interface Precondition {

    Precondition NONE = change -> Optional.empty();

    /** Empty when the command may go on to the rules. */
    Optional<String> refusal(Change change);
}
