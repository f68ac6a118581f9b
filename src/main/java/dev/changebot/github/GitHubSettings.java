package dev.changebot.github;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The GitHub App Changebot answers deployment protection rules as: its id, its private key file,
 * the webhook secret, and the REST API's base URL (GitHub's, a GitHub Enterprise Server's
 * {@code https://HOST/api/v3}, or a test's fake). All of the first three or none.
 */
public record GitHubSettings(Optional<String> appId, Optional<Path> privateKeyFile, Optional<String> webhookSecret,
                             String apiUrl) {

    public static final String DEFAULT_API_URL = "https://api.github.com";

    public boolean configured() {
        return missing().isEmpty();
    }

    /** Nothing set at all: GitHub is simply not used. */
    public boolean unused() {
        return appId.isEmpty() && privateKeyFile.isEmpty() && webhookSecret.isEmpty();
    }

    /** The environment variables still to set, in the order the docs give them. */
    public List<String> missing() {
        var missing = new ArrayList<String>();
        if (appId.isEmpty()) {
            missing.add("CHANGEBOT_GITHUB_APP_ID");
        }
        if (privateKeyFile.isEmpty()) {
            missing.add("CHANGEBOT_GITHUB_PRIVATE_KEY_FILE");
        }
        if (webhookSecret.isEmpty()) {
            missing.add("CHANGEBOT_GITHUB_WEBHOOK_SECRET");
        }
        return missing;
    }
}
