package dev.changebot.sandbox.web;

import dev.changebot.sandbox.SandboxOn;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The page's files, from the classpath's {@code sandbox/} folder (they ship in the jar, no CDN):
 * {@code /sandbox} is its index.html, {@code /sandbox/assets/NAME} one of its files by plain name
 * (no folders, so no way out of it), with the content type of its extension.
 */
@Controller("/sandbox")
@Requires(condition = SandboxOn.class)
@ExecuteOn(TaskExecutors.BLOCKING)
class SandboxPage {

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9]+)+");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "woff2", "font/woff2");

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<byte[]> index() {
        return file("index.html");
    }

    @Get(value = "/assets/{name}")
    HttpResponse<byte[]> asset(@PathVariable String name) {
        if (!FILE_NAME.matcher(name).matches()) {
            return HttpResponse.notFound();
        }
        return file(name);
    }

    private static HttpResponse<byte[]> file(String name) {
        var extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        var type = TYPES.get(extension);
        if (type == null) {
            return HttpResponse.notFound();
        }
        try (var in = SandboxPage.class.getClassLoader().getResourceAsStream("sandbox/" + name)) {
            if (in == null) {
                return HttpResponse.notFound();
            }
            // The page is small and changes with each build: always asked again, never stale.
            return HttpResponse.ok(in.readAllBytes()).contentType(type).header("Cache-Control", "no-cache")
                    .header("X-Content-Type-Options", "nosniff");
        } catch (IOException e) {
            return HttpResponse.serverError();
        }
    }
}
