package dev.changebot.github;

/** The GitHub App is configured but cannot be used (its key file): the message says which file and why. */
public class GitHubAppRefusedException extends RuntimeException {

    public GitHubAppRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
