package dev.changebot.domain.change;

/**
 * A rule of the lifecycle or of the policy said no to something a person asked; the message is
 * what that person is told. An IllegalStateException, so callers that treat "not now" generically
 * still may; an adapter tells it as a refusal, never as a failure.
 */
public class ChangeRefusedException extends IllegalStateException {

    public ChangeRefusedException(String reason) {
        super(reason);
    }
}
