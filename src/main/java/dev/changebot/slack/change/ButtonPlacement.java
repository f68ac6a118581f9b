package dev.changebot.slack.change;

import dev.changebot.application.FindChanges;
import dev.changebot.domain.change.ChangeId;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * A button acts only on the change whose message it sits on, or from the clicker's App Home
 * (which shows their changes, each with its own buttons). A value naming another change (an
 * edited payload, a message pasted elsewhere) is refused before anything happens; who may act
 * is decided later, by the use case, as for any other way in.
 */
@Singleton
public class ButtonPlacement {

    private final FindChanges findChanges;

    public ButtonPlacement(FindChanges findChanges) {
        this.findChanges = findChanges;
    }

    /** Why the click may not act on {@code id}; empty when it may. */
    Optional<String> refusal(ButtonClick click, ChangeId id) {
        if (click.onHome()) {
            return Optional.empty();
        }
        var change = findChanges.find(click.teamId(), id);
        if (change.isEmpty()) {
            return Optional.of(Replies.notFound(id.toString()));
        }
        if (click.message().isPresent() && change.get().message().equals(click.message())) {
            return Optional.empty();
        }
        return Optional.of("That button is not on " + id + "'s message, so it did nothing. Use the buttons on "
                + id + "'s own message, or `/change show " + id + "`.");
    }
}
