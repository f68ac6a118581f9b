package dev.changebot.github;

import com.google.gson.JsonObject;
import dev.changebot.application.port.GitHubReviews;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The GitHub App's side of a custom deployment protection rule: status reports and the review,
 * posted to the run's {@code deployment_protection_rule} endpoint with an installation token. The
 * endpoint is the {@code deployment_callback_url} GitHub sent, used only when it is on the
 * configured API: the installation token is never sent anywhere else.
 */
public final class GitHubApi implements GitHubReviews {

    static final String ACCEPT = "application/vnd.github+json";
    static final String API_VERSION = "2022-11-28";
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final String apiBase;
    private final InstallationTokens tokens;
    private final HttpClient http;
    private final Clock clock;

    public GitHubApi(String apiBase, AppJwt jwt, HttpClient http, Clock clock) {
        this.apiBase = apiBase.endsWith("/") ? apiBase.substring(0, apiBase.length() - 1) : apiBase;
        // A token's expiry is GitHub's real time; waits are on the clock the reply queue reads.
        this.tokens = new InstallationTokens(this.apiBase, jwt, http, Clock.systemUTC(), clock);
        this.http = http;
        this.clock = clock;
    }

    /** Whether {@code url} is an endpoint of the configured API (and so may receive a token). */
    public boolean onThisApi(String url) {
        return url != null && url.startsWith(apiBase + "/") && !url.contains("..") && !url.contains("@");
    }

    @Override
    public Outcome send(long installationId, String callbackUrl, String environment, Optional<String> state, String comment) {
        if (!onThisApi(callbackUrl)) {
            return new Outcome.Failed("the callback URL is not on the configured GitHub API (" + apiBase + ")", false);
        }
        var token = tokens.tokenFor(installationId);
        if (token.problem() != null) {
            return token.problem();
        }
        var body = new JsonObject();
        body.addProperty("environment_name", environment);
        state.ifPresent(s -> body.addProperty("state", s));
        body.addProperty("comment", comment);
        var request = HttpRequest.newBuilder(URI.create(callbackUrl))
                .timeout(CALL_TIMEOUT)
                .header("Authorization", "Bearer " + token.token())
                .header("Accept", ACCEPT)
                .header("X-GitHub-Api-Version", API_VERSION)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        try {
            var answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            var outcome = GitHubAnswers.outcome(answer.statusCode(), answer.headers(), answer.body(), clock.instant());
            if (answer.statusCode() == 401) {
                tokens.forget(installationId);
            }
            return outcome;
        } catch (IOException e) {
            return new Outcome.Failed("GitHub could not be reached: " + e.getMessage(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Failed("interrupted while calling GitHub", true);
        }
    }
}
