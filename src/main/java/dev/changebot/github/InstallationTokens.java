package dev.changebot.github;

import com.google.gson.JsonParser;
import dev.changebot.application.port.GitHubReviews.Outcome;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Installation access tokens, asked of GitHub with the App's JWT and kept until five minutes before
 * they expire (GitHub issues them for an hour), so a burst of replies costs one token request.
 */
final class InstallationTokens {

    static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);

    private final String apiBase;
    private final AppJwt jwt;
    private final HttpClient http;
    private final Clock realTime;
    private final Clock queueClock;
    private final Map<Long, Token> tokens = new ConcurrentHashMap<>();

    InstallationTokens(String apiBase, AppJwt jwt, HttpClient http, Clock realTime, Clock queueClock) {
        this.apiBase = apiBase;
        this.jwt = jwt;
        this.http = http;
        this.realTime = realTime;
        this.queueClock = queueClock;
    }

    /** A token for the installation, or why there is none now. */
    Either tokenFor(long installationId) {
        var now = realTime.instant();
        var kept = tokens.get(installationId);
        if (kept != null && now.isBefore(kept.expiresAt().minus(REFRESH_BEFORE_EXPIRY))) {
            return new Either(kept.value(), null);
        }
        var request = HttpRequest.newBuilder(URI.create(apiBase + "/app/installations/" + installationId + "/access_tokens"))
                .timeout(GitHubApi.CALL_TIMEOUT)
                .header("Authorization", "Bearer " + jwt.token())
                .header("Accept", GitHubApi.ACCEPT)
                .header("X-GitHub-Api-Version", GitHubApi.API_VERSION)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Either(null, new Outcome.Failed("GitHub could not be reached for a token: " + e.getMessage(), true));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Either(null, new Outcome.Failed("interrupted while asking GitHub for a token", true));
        }
        var outcome = GitHubAnswers.outcome(answer.statusCode(), answer.headers(), answer.body(), queueClock.instant());
        if (!(outcome instanceof Outcome.Sent)) {
            return new Either(null, outcome);
        }
        try {
            var json = JsonParser.parseString(answer.body()).getAsJsonObject();
            var token = new Token(json.get("token").getAsString(), Instant.parse(json.get("expires_at").getAsString()));
            tokens.put(installationId, token);
            return new Either(token.value(), null);
        } catch (RuntimeException e) {
            return new Either(null, new Outcome.Failed("GitHub's token answer could not be read", true));
        }
    }

    /** A token GitHub refused (401) is not used again. */
    void forget(long installationId) {
        tokens.remove(installationId);
    }

    /** A token, or the outcome that stands in for the call it could not make. */
    record Either(String token, Outcome problem) {
    }

    private record Token(String value, Instant expiresAt) {
    }
}
