package dev.changebot.slack.http;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.changebot.slack.connection.BoltApp;
import dev.changebot.slack.connection.SlackSettings;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one URL Slack calls in HTTP mode: slash commands, interactivity and events. The raw body
 * is kept for the signature, and the work runs on the blocking executor, never on the event loop.
 */
@Controller("/slack/events")
class SlackEventsController {

    private static final Logger LOG = LoggerFactory.getLogger(SlackEventsController.class);

    private final BoltApp bolt;
    private final SlackRequestParser parser;
    private final SlackSignatureCheck signatures;

    SlackEventsController(BoltApp bolt, SlackSettings settings) {
        this.bolt = bolt;
        this.parser = bolt.app().map(app -> new SlackRequestParser(app.config())).orElse(null);
        // Replay protection runs on the wall clock, as Bolt's own check does: it is about when
        // Slack sent the request, not about the business time the rest of the app reads.
        this.signatures = settings.signingSecret() == null ? null
                : new SlackSignatureCheck(settings.signingSecret(), Clock.systemUTC());
    }

    @Post(consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON}, produces = MediaType.ALL)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<String> handle(HttpRequest<?> request, @Body String body) {
        if (bolt.app().isEmpty() || signatures == null) {
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body("Slack HTTP mode is not configured: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET.");
        }
        byte[] rawBody = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        var headers = request.getHeaders();
        if (!signatures.isValid(headers.get("X-Slack-Request-Timestamp"), headers.get("X-Slack-Signature"), rawBody)) {
            LOG.warn("Refused a request to /slack/events with a missing, wrong or stale signature");
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).body("invalid signature");
        }
        return toMicronaut(run(bolt.app().get(), request, body == null ? "" : body));
    }

    private Response run(App app, HttpRequest<?> request, String body) {
        var slackRequest = parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(request.getPath())
                .queryString(request.getParameters().asMap())
                .headers(new RequestHeaders(request.getHeaders().asMap()))
                .requestBody(body)
                .remoteAddress(request.getRemoteAddress().getAddress().getHostAddress())
                .build());
        try {
            return app.run(slackRequest);
        } catch (Exception e) {
            LOG.error("Bolt failed on a {} request", slackRequest.getRequestType(), e);
            return Response.error(500);
        }
    }

    private static HttpResponse<String> toMicronaut(Response response) {
        MutableHttpResponse<String> out = HttpResponse.status(HttpStatus.valueOf(response.getStatusCode()));
        for (Map.Entry<String, List<String>> header : response.getHeaders().entrySet()) {
            header.getValue().forEach(value -> out.header(header.getKey(), value));
        }
        String responseBody = response.getBody();
        if (response.getContentType() != null) {
            out.contentType(response.getContentType());
        }
        // The length is set by the server from the encoded bytes, not from the string's char count.
        return responseBody == null ? out : out.body(responseBody);
    }
}
