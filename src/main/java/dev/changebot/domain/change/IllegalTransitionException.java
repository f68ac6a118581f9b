package dev.changebot.domain.change;

/** A change was asked to move where its lifecycle does not allow. */
public class IllegalTransitionException extends RuntimeException {

    public IllegalTransitionException(ChangeId id, ChangeState from, ChangeState to) {
        super(id + " cannot move from " + from.label() + " to " + to.label());
    }
}
