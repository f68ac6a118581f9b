package dev.changebot.application;

import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeId;

/** What came of acting on an existing change, ready for an adapter to tell the person. */
public sealed interface ActionOutcome {

    record Done(Change change) implements ActionOutcome {
    }

    /** Not allowed; the reason is what the person is told. */
    record Refused(String reason) implements ActionOutcome {
    }

    record NotFound(ChangeId id) implements ActionOutcome {
    }
}
