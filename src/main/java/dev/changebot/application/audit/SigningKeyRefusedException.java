package dev.changebot.application.audit;

/**
 * The bot will not start without the key its checkpoints were signed with, nor with a key it cannot
 * read. The message names the key's place, what is wrong and the way out; it is the whole of what an
 * operator is shown.
 */
public final class SigningKeyRefusedException extends IllegalStateException {

    public SigningKeyRefusedException(String message) {
        super(message);
    }
}
