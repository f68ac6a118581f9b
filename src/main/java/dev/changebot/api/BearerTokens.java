package dev.changebot.api;

import dev.changebot.application.token.Authenticate;
import dev.changebot.domain.token.ApiToken;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every /api/v1 route but the OpenAPI file: `Authorization: Bearer cbt_...` of a live token, or 401. */
@Singleton
class BearerTokens {

    private static final Logger LOG = LoggerFactory.getLogger(BearerTokens.class);

    private final Authenticate authenticate;

    BearerTokens(Authenticate authenticate) {
        this.authenticate = authenticate;
    }

    ApiToken of(HttpRequest<?> request) {
        var headers = request.getHeaders().getAll("Authorization");
        if (headers.size() != 1 || !headers.get(0).regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiError(HttpStatus.UNAUTHORIZED, "unauthorized",
                    "Send the API token as 'Authorization: Bearer cbt_...' (docs/gate.md).");
        }
        return authenticate.bearer(headers.get(0).substring(7).strip()).orElseThrow(() -> new ApiError(
                HttpStatus.UNAUTHORIZED, "unauthorized", "The token is not known or was revoked."));
    }

    /** A live token that may write (open gate checks, report deployments), or 401 / 403 `read_only_token`. */
    ApiToken writer(HttpRequest<?> request) {
        var token = of(request);
        if (token.scope().readOnly()) {
            throw new ApiError(HttpStatus.FORBIDDEN, "read_only_token", "Token '" + token.name() + "' only reads"
                    + " (metrics, reports, changes, checks); opening a gate check or reporting a deployment needs a"
                    + " token created without read-only.");
        }
        return token;
    }

    /**
     * The response, after noting the token's use when it succeeded (a 2xx): what a refused call did
     * is never recorded. A failure to note it is logged and does not fail the call.
     */
    HttpResponse<String> served(ApiToken token, HttpResponse<String> response) {
        if (response.code() >= 200 && response.code() < 300) {
            succeeded(token);
        }
        return response;
    }

    /** Notes the token's use: the call it made is answered with success. */
    void succeeded(ApiToken token) {
        try {
            authenticate.used(token);
        } catch (RuntimeException e) {
            LOG.warn("Could not note the use of API token '{}'", token.name(), e);
        }
    }

    /** The Idempotency-Key every POST needs: a retry with the same key is answered, not acted on again. */
    static String idempotencyKey(HttpRequest<?> request) {
        var keys = request.getHeaders().getAll("Idempotency-Key");
        if (keys.isEmpty() || keys.get(0).isBlank()) {
            throw ApiError.unprocessable("idempotency_key_missing", "An Idempotency-Key header is required (e.g."
                    + " provider:run:attempt:environment): a retried request with the same key gets the first answer"
                    + " instead of acting twice.");
        }
        var key = keys.get(0).strip();
        if (keys.size() > 1 || key.length() > 200 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw ApiError.unprocessable("idempotency_key_invalid",
                    "The Idempotency-Key is one header of at most 200 visible ASCII characters.");
        }
        return key;
    }
}
