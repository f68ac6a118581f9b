package dev.changebot.domain.rules;

import dev.changebot.domain.change.ChangeEvent;
import dev.changebot.domain.notice.Notice;
import dev.changebot.domain.policy.StartCheck;
import java.util.List;

/** What the rules made of a command: what to record, or why not, in the words the person reads. */
public sealed interface Verdict {

    /** The events to record and apply, in order (none for a reminder, which changes nothing). */
    default List<ChangeEvent> events() {
        return List.of();
    }

    /** The events to record, and who is told beyond what follows from them (a reminder records nothing). */
    record Accepted(List<ChangeEvent> events, List<Notice> notices) implements Verdict {

        public Accepted {
            events = List.copyOf(events);
            notices = List.copyOf(notices);
        }

        public static Accepted of(ChangeEvent... events) {
            return new Accepted(List.of(events), List.of());
        }

        public static Accepted telling(List<Notice> notices) {
            return new Accepted(List.of(), notices);
        }
    }

    /** Not allowed; {@code reason} is what the person is told, word for word. */
    record Refused(String reason) implements Verdict {
    }

    /**
     * Nothing to do, and nobody to tell: a timer that rang for something already settled (a soak
     * that ended, a follow-up met). {@code why} is kept with the timer.
     */
    record Ignored(String why) implements Verdict {
    }

    /** The calendar blocks a start that this person may override: a written justification is needed. */
    record NeedsJustification(StartCheck check) implements Verdict {
    }

    /** This person signed an override that still needs other people's roles; {@code missing} says whose. */
    record AwaitingSigners(ChangeEvent.ChangeOverrideSigned signed, String missing) implements Verdict {

        @Override
        public List<ChangeEvent> events() {
            return List.of(signed);
        }
    }
}
