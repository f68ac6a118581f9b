package dev.changebot.domain.change;

/** An approval the rules do not allow; the message is the reason the person is told. */
public class ApprovalRefusedException extends ChangeRefusedException {

    public ApprovalRefusedException(String reason) {
        super(reason);
    }
}
