package dev.changebot.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** `GET /api/v1/openapi.yaml`: the API's description, hand-written, served without a token. */
@Controller("/api/v1/openapi.yaml")
class OpenApiController {

    private static final String RESOURCE = "/api/openapi.yaml";
    private final String text;

    OpenApiController() {
        try (var in = OpenApiController.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar has no " + RESOURCE);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(produces = "application/yaml")
    HttpResponse<String> openApi() {
        return HttpResponse.ok(text).contentType(MediaType.of("application/yaml"));
    }
}
