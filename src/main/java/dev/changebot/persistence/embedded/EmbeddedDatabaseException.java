package dev.changebot.persistence.embedded;

/**
 * The embedded PostgreSQL could not be started or used. Its message names the directory, the cause
 * and the fix; it is what an operator reads when the bot does not come up.
 */
public final class EmbeddedDatabaseException extends IllegalStateException {

    EmbeddedDatabaseException(String message) {
        super(message);
    }

    EmbeddedDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
