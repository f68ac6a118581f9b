package dev.changebot.slack.http;

import com.google.gson.Gson;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.SlashCommandPayloadDetector;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.util.SlackRequestParser;
import com.slack.api.model.event.WorkflowStepExecuteEvent;
import com.slack.api.util.json.GsonFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bolt's request objects for what {@link SlackRequestShape} has read, built as Bolt's
 * SlackRequestParser builds them but without its per-request costs on the ack path's kinds:
 * <ul>
 *   <li>a click's payload is parsed by one shared Gson, configured exactly as Bolt's own
 *       ({@link GsonFactory#createSnakeCase}), whose reflective adapters are built once, instead of
 *       a Gson made for each request ({@link PreparsedBlockActionRequest});</li>
 *   <li>whether Bolt would read that same payload (or, for a slash command, none) is told from the raw form
 *       field ({@link BoltPayloadField}), not by Bolt's extractor decoding the payload again;</li>
 *   <li>what a request is (an interaction's type, an event's type) is read from the shape check's
 *       parse, not from two more (the parser's, and for events its payload extractor's with a Gson
 *       of its own);</li>
 *   <li>slash commands and events go straight to their request classes.</li>
 * </ul>
 * Everything else (form submissions, url_verification, ssl_check, kinds we do not handle) goes
 * through Bolt's parser unchanged: a view submission's request class parses its payload with a
 * Gson of its own whatever it is given. Whichever way, the request is finished as the parser
 * finishes it (context from the app's config, query string, client address).
 */
final class BoltRequests {

    /** Gson is thread-safe, and it caches the adapters it builds: one for every request. */
    private static final Gson SNAKE_CASE = GsonFactory.createSnakeCase();

    private final AppConfig config;
    private final SlackRequestParser parser;
    private final SlashCommandPayloadDetector commands = new SlashCommandPayloadDetector();

    BoltRequests(AppConfig config) {
        this.config = config;
        this.parser = new SlackRequestParser(config);
    }

    /** {@code shape} is the readable verdict on {@code raw}'s body; null answers as Bolt's parser does for unknown kinds. */
    Request<?> parse(SlackRequestParser.HttpRequest raw, SlackRequestShape.Verdict shape) {
        var request = direct(raw, shape);
        if (request == null) {
            return parser.parse(raw);
        }
        finish(request, raw);
        return request;
    }

    /** The request for the kinds built here, or null for the parser to build. */
    private Request<?> direct(SlackRequestParser.HttpRequest raw, SlackRequestShape.Verdict shape) {
        var body = raw.getRequestBody();
        var headers = raw.getHeaders();
        var json = shape.json();
        switch (shape.kind()) {
            case SLASH_COMMAND:
                // The parser's order: a body carrying a payload is an interaction, whatever else it has.
                return BoltPayloadField.absent(body) && commands.isCommand(body)
                        ? new SlashCommandRequest(body, headers) : null;
            case INTERACTION:
                // Only when the parser would read the very text the shape check read.
                if (json == null || !"block_actions".equals(JsonPaths.string(json.object(), "type").orElse(null))
                        || !BoltPayloadField.sameAsFormFields(body)) {
                    return null;
                }
                return new PreparsedBlockActionRequest(body, SNAKE_CASE.fromJson(json.text(), BlockActionPayload.class),
                        headers);
            case EVENT:
                if (json == null || !"event_callback".equals(JsonPaths.string(json.object(), "type").orElse(null))
                        || WorkflowStepExecuteEvent.TYPE_NAME.equals(
                                JsonPaths.string(json.object(), "event.type").orElse(null))) {
                    return null;
                }
                return new EventRequest(body, headers);
            default:
                return null;
        }
    }

    /** As SlackRequestParser#parse finishes every request it builds. */
    private void finish(Request<?> request, SlackRequestParser.HttpRequest raw) {
        request.setSocketMode(raw.isSocketMode());
        request.updateContext(config);
        Map<String, List<String>> queryString = raw.getQueryString();
        if (queryString != null) {
            for (Map.Entry<String, List<String>> each : queryString.entrySet()) {
                List<String> values = request.getQueryString().get(each.getKey());
                if (values == null) {
                    values = new ArrayList<>();
                }
                values.addAll(each.getValue());
                request.getQueryString().put(each.getKey(), values);
            }
        }
        String ipAddress = raw.getHeaders().getFirstValue("X-FORWARDED-FOR");
        request.setClientIpAddress(ipAddress == null ? raw.getRemoteAddress() : ipAddress);
    }
}
