package dev.changebot.slack.http;

import com.google.gson.JsonObject;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.changebot.slack.connection.BoltApp;
import dev.changebot.slack.connection.SlackSettings;
import dev.changebot.slack.metrics.AckKind;
import dev.changebot.slack.metrics.SlackAckTimers;
import io.micronaut.core.annotation.Nullable;
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
 * It is also the error boundary of the Slack route: whatever a signed request holds, the answer
 * is a status and words of ours, never an exception's text, and the cause is logged once.
 */
@Controller("/slack/events")
class SlackEventsController {

    private static final Logger LOG = LoggerFactory.getLogger(SlackEventsController.class);

    private final BoltApp bolt;
    private final BoltRequests requests;
    private final SlackSignatureCheck signatures;
    private final SlackAckTimers ackTimers;

    SlackEventsController(BoltApp bolt, SlackSettings settings, SlackAckTimers ackTimers) {
        this.bolt = bolt;
        this.ackTimers = ackTimers;
        this.requests = bolt.app().map(app -> new BoltRequests(app.config())).orElse(null);
        // Replay protection runs on the wall clock, as Bolt's own check does: it is about when
        // Slack sent the request, not about the business time the rest of the app reads.
        this.signatures = settings.signingSecret() == null ? null
                : new SlackSignatureCheck(settings.signingSecret(), Clock.systemUTC());
    }

    @Post(consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON}, produces = MediaType.ALL)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<String> handle(HttpRequest<?> request, @Nullable @Body String body) {
        long arrived = SlackArrival.nanosOf(request);
        var kind = AckKind.REFUSED;
        try {
            if (bolt.app().isEmpty() || signatures == null) {
                return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .body("Slack HTTP mode is not configured: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET.");
            }
            var text = body == null ? "" : body;
            var headers = request.getHeaders();
            // Several signatures or timestamps: judging one of them would let a forged one ride along.
            if (!signatures.isValid(headers.getAll("X-Slack-Request-Timestamp"), headers.getAll("X-Slack-Signature"),
                    text.getBytes(StandardCharsets.UTF_8))) {
                LOG.warn("Refused a request to /slack/events with a missing, repeated, wrong or stale signature");
                return HttpResponse.status(HttpStatus.UNAUTHORIZED).body("invalid signature");
            }
            var shape = SlackRequestShape.of(headers.get("Content-Type"), text);
            kind = AckKinds.of(shape);
            if (shape.problem().isPresent()) {
                LOG.warn("Refused a signed {} that Changebot could not read: {}", shape.kind().label(), shape.problem().get());
                return unreadable(shape.kind(), shape.problem().get());
            }
            try {
                return toMicronaut(bolt.app().get().run(parse(request, text, shape)));
            } catch (Exception e) {
                return failed(shape.kind(), e);
            }
        } finally {
            ackTimers.record(kind, arrived);
        }
    }

    private Request<?> parse(HttpRequest<?> request, String body, SlackRequestShape.Verdict shape) {
        return requests.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(request.getPath())
                .queryString(request.getParameters().asMap())
                .headers(new RequestHeaders(request.getHeaders().asMap()))
                .requestBody(body)
                .remoteAddress(request.getRemoteAddress().getAddress().getHostAddress())
                .build(), shape);
    }

    /**
     * A request that got past the shape check and still failed: a field of the wrong type deep in
     * the payload (Gson's failure while Bolt reads it) is the sender's; anything else is ours.
     */
    private static HttpResponse<String> failed(SlackRequestShape.Kind kind, Exception e) {
        if (ParseFailures.isParseFailure(e)) {
            LOG.warn("Refused a signed {} that Changebot could not read: {}", kind.label(), LogSafe.describe(e));
            return unreadable(kind, "a field does not hold what Slack sends");
        }
        LOG.error("Failed on a signed {}", kind.label(), LogSafe.copy(e));
        return HttpResponse.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.TEXT_PLAIN_TYPE)
                .body("Changebot could not handle this request; the cause is in its log.");
    }

    /** A slash command is answered in words its sender sees; anything else gets 400 and the reason. */
    private static HttpResponse<String> unreadable(SlackRequestShape.Kind kind, String problem) {
        if (kind == SlackRequestShape.Kind.SLASH_COMMAND) {
            var answer = new JsonObject();
            answer.addProperty("response_type", "ephemeral");
            answer.addProperty("text", "Changebot could not read that command: " + problem
                    + ". Please try again; if it keeps happening, tell whoever runs Changebot.");
            return HttpResponse.ok(answer.toString()).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        return HttpResponse.status(HttpStatus.BAD_REQUEST).contentType(MediaType.TEXT_PLAIN_TYPE)
                .body("Changebot could not read this " + kind.label() + ": " + problem + ".");
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
