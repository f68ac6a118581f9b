package dev.changebot.api;

import dev.changebot.application.gate.GateProblem;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The error boundary of /api/v1: an {@link ApiError} becomes its response; anything else is logged
 * once and answered 503 in our words (the database away, most likely), so a pipeline can retry.
 */
final class ApiCalls {

    private static final Logger LOG = LoggerFactory.getLogger(ApiCalls.class);

    private ApiCalls() {
    }

    static HttpResponse<String> answer(Supplier<HttpResponse<String>> work) {
        try {
            return work.get();
        } catch (ApiError e) {
            return e.response();
        } catch (RuntimeException e) {
            LOG.warn("An API request failed", e);
            return ApiError.response(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                    "Changebot could not answer just now; retry with the same Idempotency-Key.");
        }
    }

    static ApiError error(GateProblem problem) {
        var status = switch (problem.kind()) {
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
        return new ApiError(status, problem.code(), problem.message());
    }
}
