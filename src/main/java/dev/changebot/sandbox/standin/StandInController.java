package dev.changebot.sandbox.standin;

import com.google.gson.JsonObject;
import dev.changebot.sandbox.SandboxCredentials;
import dev.changebot.sandbox.SandboxOn;
import dev.changebot.sandbox.workspace.SlackRefusal;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The stand-in's HTTP side, what the bot's SDK calls instead of slack.com: the Web API at
 * {@code /sandbox/slack/api/<method>} (bearer token checked as Slack checks it), the upload URL of
 * files.uploadV2, and the response_url of commands and actions.
 */
@Controller("/sandbox/slack")
@Requires(condition = SandboxOn.class)
@ExecuteOn(TaskExecutors.BLOCKING)
class StandInController {

    private static final String JSON = "application/json; charset=utf-8";

    private final WebApi webApi;
    private final UploadedFiles files;
    private final ResponseUrlPosts responses;
    private final byte[] botToken;

    StandInController(WebApi webApi, UploadedFiles files, ResponseUrlPosts responses, SandboxCredentials credentials) {
        this.webApi = webApi;
        this.files = files;
        this.responses = responses;
        this.botToken = ("Bearer " + credentials.botToken()).getBytes(StandardCharsets.UTF_8);
    }

    @Post(value = "/api/{method}", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON},
            produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> call(HttpRequest<?> request, @PathVariable String method, @Nullable @Body String body) {
        var authorization = request.getHeaders().get("Authorization");
        JsonObject answer;
        if (authorization == null) {
            answer = WebApi.refused(new SlackRefusal("not_authed"));
        } else if (!MessageDigest.isEqual(botToken, authorization.getBytes(StandardCharsets.UTF_8))) {
            answer = WebApi.refused(new SlackRefusal("invalid_auth"));
        } else {
            try {
                answer = webApi.call(method, Params.parse(request.getContentType().map(MediaType::toString).orElse(null), body));
            } catch (RuntimeException unreadable) {
                answer = WebApi.refused(new SlackRefusal("invalid_arguments",
                        java.util.List.of("[ERROR] " + unreadable.getMessage())));
            }
        }
        // Slack answers refusals with HTTP 200 too: the error is in the body.
        return HttpResponse.ok(answer.toString()).contentType(JSON);
    }

    @Post(value = "/upload/{fileId}", consumes = MediaType.ALL, produces = MediaType.TEXT_PLAIN)
    HttpResponse<String> upload(@PathVariable String fileId, @Nullable @Body byte[] content) {
        var bytes = content == null ? new byte[0] : content;
        if (!files.upload(fileId, bytes)) {
            return HttpResponse.status(HttpStatus.NOT_FOUND).body("file_not_found");
        }
        return HttpResponse.ok("OK - " + bytes.length);
    }

    @Get(value = "/files/{fileId}", produces = MediaType.APPLICATION_OCTET_STREAM)
    HttpResponse<byte[]> download(@PathVariable String fileId) {
        var content = files.content(fileId);
        return content == null ? HttpResponse.notFound() : HttpResponse.ok(content);
    }

    @Post(value = "/respond/{token}", consumes = {MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED},
            produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> respond(@PathVariable String token, @Nullable @Body String body) {
        try {
            responses.post(token, body == null ? "" : body);
            return HttpResponse.ok("{\"ok\":true}").contentType(JSON);
        } catch (SlackRefusal refusal) {
            return HttpResponse.status(HttpStatus.NOT_FOUND).body(WebApi.refused(refusal).toString()).contentType(JSON);
        }
    }
}
