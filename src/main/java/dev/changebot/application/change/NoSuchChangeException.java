package dev.changebot.application.change;

import dev.changebot.domain.change.ChangeId;

/**
 * Asked to act on a change this workspace does not have. Thrown by the use cases that answer in
 * words of their own rather than an {@link ActionOutcome}, so every way in says "no such change"
 * alike.
 */
public class NoSuchChangeException extends RuntimeException {

    private final ChangeId id;

    public NoSuchChangeException(ChangeId id) {
        super("There is no " + id + " here");
        this.id = id;
    }

    public ChangeId id() {
        return id;
    }
}
