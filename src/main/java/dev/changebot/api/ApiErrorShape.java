package dev.changebot.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * What Micronaut answers by itself under /api/v1 (no such route, wrong method, body over the
 * server's limit, unsupported media type) gets the API's error shape too: its default body names
 * classes and carries _links, which a pipeline's log has no use for.
 */
@ServerFilter("/api/v1/**")
class ApiErrorShape {

    @ResponseFilter
    void shape(HttpRequest<?> request, MutableHttpResponse<?> response) {
        var status = response.getStatus();
        if (status.getCode() < 400 || response.getAttribute(ApiError.SHAPED).isPresent()) {
            return;
        }
        var shaped = ApiError.response(status, code(status), message(status));
        @SuppressWarnings("unchecked")
        var body = (MutableHttpResponse<Object>) response;
        body.body(shaped.body());
        body.contentType(io.micronaut.http.MediaType.APPLICATION_JSON_TYPE);
    }

    private static String code(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "not_found";
            case METHOD_NOT_ALLOWED -> "method_not_allowed";
            case REQUEST_ENTITY_TOO_LARGE -> "too_large";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported_media_type";
            case BAD_REQUEST -> "bad_request";
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            default -> status.getCode() >= 500 ? "unavailable" : "error";
        };
    }

    private static String message(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "No such resource under /api/v1: see /api/v1/openapi.yaml.";
            case METHOD_NOT_ALLOWED -> "This resource does not take that method: see /api/v1/openapi.yaml.";
            case REQUEST_ENTITY_TOO_LARGE -> "The body is over " + JsonBody.MAX_BYTES / 1024 + " KiB.";
            case UNSUPPORTED_MEDIA_TYPE -> "Send JSON (Content-Type: application/json).";
            default -> status.getCode() >= 500 ? "Changebot could not answer just now; retry with the same"
                    + " Idempotency-Key." : "The request could not be read: see /api/v1/openapi.yaml.";
        };
    }
}
