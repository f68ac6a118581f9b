package dev.changebot.slack.inbound;

import com.slack.api.methods.MethodsClient;
import dev.changebot.application.change.Precondition;
import dev.changebot.application.query.FindChanges;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.slack.ChangeRef;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a click may act on. Its value must be a reference we can read: a button of an older
 * message (pipe-separated values, or none of ours) does nothing, and the clicker hears the slash
 * command that does the same. And a button acts only on the change whose message it sits on, or
 * from the clicker's App Home (which shows their changes, each with its own buttons): a value
 * naming another change (an edited payload, a message pasted elsewhere) is refused before
 * anything happens. Who may act is decided later, by the use case, as for any other way in.
 * A button whose command runs at once asks {@link #readable} here and hands {@link #onItsMessage}
 * to the command, which checks it on the change it locks anyway (no read of its own); the others
 * ask {@link #target}, which reads the change first.
 */
@Singleton
public class ButtonPlacement {

    private final FindChanges findChanges;

    public ButtonPlacement(FindChanges findChanges) {
        this.findChanges = findChanges;
    }

    /**
     * The reference the click may act on; empty once the clicker has been told privately why it
     * does nothing. {@code readable} says what this button's reference must name, and
     * {@code command} is the slash command that does what the button does ("`/change done CHG-n`").
     */
    Optional<ChangeRef> target(ButtonClick click, MethodsClient client, Predicate<ChangeRef> readable, String command) {
        var ref = ChangeRef.decode(click.value()).filter(readable);
        var refusal = ref.isEmpty()
                ? Optional.of(olderMessage(command))
                : refusal(click, ref.get().changeId());
        if (refusal.isPresent()) {
            Ephemeral.tell(client, click.channelId(), click.userId(), refusal.get());
            return Optional.empty();
        }
        return ref;
    }

    /**
     * The reference the click names, when it is one {@code readable} accepts; empty once the clicker
     * has been told the button is from an older message. Where it sits is for {@link #onItsMessage}.
     */
    Optional<ChangeRef> readable(ButtonClick click, MethodsClient client, Predicate<ChangeRef> readable, String command) {
        var ref = ChangeRef.decode(click.value()).filter(readable);
        if (ref.isEmpty()) {
            Ephemeral.tell(client, click.channelId(), click.userId(), olderMessage(command));
        }
        return ref;
    }

    /** The click's placement as the command checks it on the change it has locked: the same words as {@link #target}. */
    Precondition onItsMessage(ButtonClick click) {
        return click.onHome() ? Precondition.NONE : change -> misplaced(click, change);
    }

    private Optional<String> refusal(ButtonClick click, ChangeId id) {
        if (click.onHome()) {
            return Optional.empty();
        }
        var change = findChanges.find(click.teamId(), id);
        if (change.isEmpty()) {
            return Optional.of(Replies.notFound(id.toString()));
        }
        return misplaced(click, change.get());
    }

    private static Optional<String> misplaced(ButtonClick click, Change change) {
        if (click.message().isPresent() && change.message().equals(click.message())) {
            return Optional.empty();
        }
        var id = change.id();
        return Optional.of("That button is not on " + id + "'s message, so it did nothing. Use the buttons on "
                + id + "'s own message, or `/change show " + id + "`.");
    }

    private static String olderMessage(String command) {
        return "This button is from an older Changebot message; use " + command + " instead.";
    }
}
