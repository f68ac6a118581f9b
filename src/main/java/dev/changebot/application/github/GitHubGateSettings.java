package dev.changebot.application.github;

import java.util.Optional;

/**
 * Which Slack workspace GitHub's deployments belong to: {@code CHANGEBOT_GITHUB_WORKSPACE}, or the one
 * workspace the database knows (single-workspace installs, the usual case, set nothing).
 */
public record GitHubGateSettings(Optional<String> workspace) {
}
