package dev.changebot.api;

import com.google.gson.JsonObject;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/**
 * Every error of /api/v1 has one shape, {"error": code, "message": text}: a stable code for the
 * pipeline and words for its log, never a class name or a stack trace. Thrown where a request
 * turns out unusable; {@link ApiErrorShape} answers it.
 */
final class ApiError extends RuntimeException {

    /** Marks a response whose body already has the error shape, so the filter leaves it alone. */
    static final String SHAPED = "changebot.api-error";

    private final HttpStatus status;
    private final String code;

    ApiError(HttpStatus status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static ApiError badRequest(String code, String message) {
        return new ApiError(HttpStatus.BAD_REQUEST, code, message);
    }

    static ApiError unprocessable(String code, String message) {
        return new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, code, message);
    }

    MutableHttpResponse<String> response() {
        return response(status, code, getMessage());
    }

    static MutableHttpResponse<String> response(HttpStatus status, String code, String message) {
        var body = new JsonObject();
        body.addProperty("error", code);
        body.addProperty("message", message);
        MutableHttpResponse<String> response = HttpResponse.<String>status(status).body(body.toString())
                .contentType(MediaType.APPLICATION_JSON_TYPE);
        response.setAttribute(SHAPED, true);
        return response;
    }
}
