package dev.changebot.config;

import dev.changebot.application.github.GitHubGateSettings;
import dev.changebot.application.port.GitHubReviews;
import dev.changebot.github.AppJwt;
import dev.changebot.github.AppPrivateKey;
import dev.changebot.github.GitHubApi;
import dev.changebot.github.GitHubAppRefusedException;
import dev.changebot.github.GitHubSettings;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The GitHub App, from CHANGEBOT_GITHUB_APP_ID, CHANGEBOT_GITHUB_PRIVATE_KEY_FILE,
 * CHANGEBOT_GITHUB_WEBHOOK_SECRET and CHANGEBOT_GITHUB_API_URL. Unconfigured, replies to GitHub
 * are refused with the variables to set (and the webhook answers 503 saying so); a key file that
 * cannot be read stops the start with its name and the reason, never a later surprise.
 */
@Factory
class GitHubFactory {

    @Singleton
    GitHubSettings gitHubSettings(@Nullable @Value("${changebot.github.app-id:}") String appId,
                                  @Nullable @Value("${changebot.github.private-key-file:}") String keyFile,
                                  @Nullable @Value("${changebot.github.webhook-secret:}") String secret,
                                  @Nullable @Value("${changebot.github.api-url:}") String apiUrl) {
        return new GitHubSettings(present(appId), present(keyFile).map(Path::of), present(secret),
                present(apiUrl).orElse(GitHubSettings.DEFAULT_API_URL));
    }

    @Singleton
    GitHubGateSettings gitHubGateSettings(@Nullable @Value("${changebot.github.workspace:}") String workspace) {
        return new GitHubGateSettings(present(workspace));
    }

    @Singleton
    GitHubReviews gitHubReviews(GitHubSettings settings, Clock clock) {
        if (!settings.configured()) {
            var missing = "the GitHub App is not configured: set " + String.join(", ", settings.missing());
            return (installation, url, environment, state, comment) -> new GitHubReviews.Outcome.Failed(missing, false);
        }
        try {
            var key = AppPrivateKey.read(settings.privateKeyFile().get());
            var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            // The App's JWT is about real time (GitHub checks it); waits follow the clock the reply queue reads.
            return new GitHubApi(settings.apiUrl(), new AppJwt(settings.appId().get(), key, Clock.systemUTC()), http, clock);
        } catch (IllegalArgumentException e) {
            throw new GitHubAppRefusedException("Changebot cannot use the GitHub App: " + e.getMessage()
                    + " (CHANGEBOT_GITHUB_PRIVATE_KEY_FILE)", e);
        }
    }

    private static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
