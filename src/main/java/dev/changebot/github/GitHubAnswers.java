package dev.changebot.github;

import com.google.gson.JsonParser;
import dev.changebot.application.port.GitHubReviews.Outcome;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;

/**
 * What an answer of GitHub's REST API means for the call that got it, by GitHub's rate-limit rules:
 * a {@code retry-after} header is a wait in seconds; {@code x-ratelimit-remaining: 0} a wait until
 * {@code x-ratelimit-reset} (epoch seconds); a 429 with neither, at least a minute. 5xx and 401
 * (an installation token expired early) are worth another attempt; any other refusal is final.
 */
final class GitHubAnswers {

    static final Duration UNSPECIFIED_LIMIT_WAIT = Duration.ofMinutes(1);
    private static final int MAX_TEXT = 300;

    private GitHubAnswers() {
    }

    static Outcome outcome(int status, HttpHeaders headers, String body, Instant now) {
        if (status >= 200 && status < 300) {
            return new Outcome.Sent();
        }
        var retryAfter = headers.firstValue("retry-after").flatMap(GitHubAnswers::seconds);
        if ((status == 403 || status == 429) && retryAfter.isPresent()) {
            return new Outcome.Wait(now.plusSeconds(Math.max(1, retryAfter.get())), "GitHub's secondary rate limit");
        }
        var exhausted = headers.firstValue("x-ratelimit-remaining").flatMap(GitHubAnswers::seconds).filter(n -> n == 0);
        if ((status == 403 || status == 429) && exhausted.isPresent()) {
            var reset = headers.firstValue("x-ratelimit-reset").flatMap(GitHubAnswers::seconds)
                    .map(Instant::ofEpochSecond).filter(at -> at.isAfter(now)).orElse(now.plus(UNSPECIFIED_LIMIT_WAIT));
            return new Outcome.Wait(reset, "GitHub's rate limit is used up until " + reset);
        }
        if (status == 429) {
            return new Outcome.Wait(now.plus(UNSPECIFIED_LIMIT_WAIT), "GitHub answered 429 without saying how long");
        }
        var said = "GitHub answered " + status + message(body).map(m -> ": " + m).orElse("");
        return new Outcome.Failed(said, status >= 500 || status == 401);
    }

    /** GitHub's own words, from the "message" of its JSON error, cut short: never the whole body in a log. */
    static java.util.Optional<String> message(String body) {
        try {
            var json = JsonParser.parseString(body);
            if (json.isJsonObject() && json.getAsJsonObject().has("message")) {
                var text = json.getAsJsonObject().get("message").getAsString();
                return java.util.Optional.of(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text);
            }
        } catch (RuntimeException notJson) {
            // A proxy's HTML page: the status says enough.
        }
        return java.util.Optional.empty();
    }

    private static java.util.Optional<Long> seconds(String value) {
        try {
            return java.util.Optional.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
