package dev.changebot;

import dev.changebot.application.audit.SigningKeyRefusedException;
import dev.changebot.cli.ChangebotCommand;
import dev.changebot.github.GitHubAppRefusedException;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;

/**
 * Micronaut's launcher, except that a refusal which explains itself (the audit signing key missing
 * or unreadable, the GitHub App's key file unusable) is printed as its message alone and exits with "unusable input", instead of
 * Micronaut's error line with the bean path and a stack trace an operator has to dig through.
 */
final class ExplainedStartup extends Micronaut {

    @Override
    protected void handleStartupException(Environment environment, Throwable exception) {
        for (var cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SigningKeyRefusedException || cause instanceof GitHubAppRefusedException) {
                System.err.println(cause.getMessage());
                System.err.flush();
                System.exit(ChangebotCommand.UNUSABLE_INPUT);
            }
        }
        super.handleStartupException(environment, exception);
    }
}
