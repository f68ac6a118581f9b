package dev.changebot.domain.change;

/** A change was asked to move where its lifecycle does not allow; where it stood says why not. */
public class IllegalTransitionException extends ChangeRefusedException {

    private final ChangeId id;
    private final ChangeState from;
    private final ChangeState to;

    public IllegalTransitionException(ChangeId id, ChangeState from, ChangeState to) {
        super(id + " cannot move from " + from.label() + " to " + to.label());
        this.id = id;
        this.from = from;
        this.to = to;
    }

    public ChangeId id() {
        return id;
    }

    public ChangeState from() {
        return from;
    }

    public ChangeState to() {
        return to;
    }
}
