package dev.changebot.application.change;

import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeEvent;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.notice.Notice;
import dev.changebot.domain.policy.StartCheck;
import java.util.List;

/** What came of a command on an existing change, ready for an adapter to tell the person. */
public sealed interface ActionOutcome {

    /** Recorded: the change as it is now, the events that moved it (none for a reminder), and who was told. */
    record Done(Change change, List<ChangeEvent> events, List<Notice> notices) implements ActionOutcome {

        public Done {
            events = List.copyOf(events);
            notices = List.copyOf(notices);
        }
    }

    /** Not allowed; the reason is what the person is told. */
    record Refused(String reason) implements ActionOutcome {
    }

    record NotFound(ChangeId id) implements ActionOutcome {
    }

    /** Nothing to do: a timer rang for something already settled; {@code why} is kept with the timer. */
    record Ignored(String why) implements ActionOutcome {
    }

    /** The calendar blocks a start this person may override: a justification is needed first. */
    record NeedsJustification(StartCheck check) implements ActionOutcome {
    }

    /** Signed; the override still needs other people's roles ({@code missing} says which). */
    record AwaitingSigners(Change change, String missing) implements ActionOutcome {
    }
}
