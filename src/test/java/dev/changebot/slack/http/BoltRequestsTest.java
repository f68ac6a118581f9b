package dev.changebot.slack.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.util.SlackRequestParser;
import com.slack.api.util.json.GsonFactory;
import dev.changebot.support.SlackPayloads;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Our request building must hand Bolt's handlers exactly what Bolt's own parser would: the same
 * request class, payload, context and client address, for every kind Slack sends us.
 */
class BoltRequestsTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";

    private final AppConfig config = AppConfig.builder().singleTeamBotToken("xoxb-test").signingSecret("secret").build();
    private final BoltRequests ours = new BoltRequests(config);
    private final SlackRequestParser bolts = new SlackRequestParser(config);

    @Test
    @DisplayName("a click on a message: the same payload and context as Bolt's, without Bolt's per-request Gson")
    void clickOnMessage() {
        var body = SlackPayloads.buttonClick("U0REVIEW", "C0DEPLOYS", "1700000000.000100", "change_approve", "v1:CHG-7");
        var request = assertSameAsBolt(FORM, body, Map.of());
        assertThat(request).isInstanceOf(PreparsedBlockActionRequest.class);
        assertThat(((BlockActionRequest) request).getPayload().getActions().get(0).getValue()).isEqualTo("v1:CHG-7");
    }

    @Test
    void clickOnTheAppHomeFromAnEnterpriseThroughAProxy() {
        var body = editPayload(SlackPayloads.buttonClickOnHome("U0REVIEW", "change_approve", "v1:CHG-7"), p -> {
            var enterprise = new JsonObject();
            enterprise.addProperty("id", "E0ORG");
            p.add("enterprise", enterprise);
            p.remove("trigger_id");
            var interactivity = new JsonObject();
            interactivity.addProperty("interactivity_pointer", "1337.pointer");
            p.add("interactivity", interactivity);
        });
        assertSameAsBolt(FORM, body, Map.of("X-Forwarded-For", List.of("203.0.113.9")));
    }

    @Test
    void reactionEvent() {
        var body = SlackPayloads.reaction("Ev1", true, "U0REVIEW", "white_check_mark", "C0DEPLOYS", "1.1", "2.2");
        assertThat(assertSameAsBolt(JSON, body, Map.of("X-Slack-Retry-Num", List.of("1"),
                "X-Slack-Retry-Reason", List.of("http_timeout")))).isInstanceOf(EventRequest.class);
    }

    @Test
    void appHomeOpenedEvent() {
        assertSameAsBolt(JSON, SlackPayloads.appHomeOpened("U0REVIEW"), Map.of());
    }

    @Test
    void slashCommand() {
        var request = assertSameAsBolt(FORM, SlackPayloads.slashCommand("U0REVIEW", "C0DEPLOYS", "show CHG-7"), Map.of());
        assertThat(request).isInstanceOf(SlashCommandRequest.class);
    }

    @Test
    @DisplayName("kinds not built here are Bolt's parser's: form submissions, url_verification, ssl_check")
    void everythingElseIsBolts() {
        var values = new JsonObject();
        var submission = SlackPayloads.viewSubmission("U0REVIEW", "change_new", "", values);
        assertThat(assertSameAsBolt(FORM, submission, Map.of())).isInstanceOf(ViewSubmissionRequest.class);
        assertSameAsBolt(JSON, SlackPayloads.urlVerification("challenge-1"), Map.of());
        assertSameAsBolt(FORM, "ssl_check=1&token=legacy-verification-token", Map.of());
    }

    private Request<?> assertSameAsBolt(String contentType, String body, Map<String, List<String>> extraHeaders) {
        var headers = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Content-Type", List.of(contentType));
        headers.putAll(extraHeaders);
        var raw = SlackRequestParser.HttpRequest.builder().requestUri("/slack/events")
                .queryString(Map.of("q", List.of("1"))).headers(new RequestHeaders(headers)).requestBody(body)
                .remoteAddress("127.0.0.1").build();
        var shape = SlackRequestShape.of(contentType, body);
        assertThat(shape.problem()).as("the shape check reads it").isEmpty();

        Request<?> expected = bolts.parse(raw);
        Request<?> actual = ours.parse(raw, shape);

        assertThat(actual.getRequestType()).isEqualTo(expected.getRequestType());
        assertThat(actual.getRequestBodyAsString()).isEqualTo(expected.getRequestBodyAsString());
        assertThat(actual.getHeaders()).isSameAs(expected.getHeaders());
        assertThat(actual.getResponseUrl()).isEqualTo(expected.getResponseUrl());
        assertThat(actual.getClientIpAddress()).isEqualTo(expected.getClientIpAddress());
        assertThat(actual.getQueryString()).isEqualTo(expected.getQueryString());
        assertThat(actual.isSocketMode()).isEqualTo(expected.isSocketMode());
        assertThat(payloadJson(actual)).isEqualTo(payloadJson(expected));
        assertSameContext(actual.getContext(), expected.getContext());
        return actual;
    }

    /** The parsed payload written back out: equal objects write equal JSON, every field included. */
    private static String payloadJson(Request<?> request) {
        var gson = GsonFactory.createSnakeCase();
        if (request instanceof BlockActionRequest click) {
            return gson.toJson(click.getPayload());
        }
        if (request instanceof SlashCommandRequest command) {
            return gson.toJson(command.getPayload());
        }
        if (request instanceof ViewSubmissionRequest form) {
            return gson.toJson(form.getPayload());
        }
        if (request instanceof EventRequest event) {
            return event.getEventTypeAndSubtype() + " " + event.getRequestBodyAsString();
        }
        return request.getRequestBodyAsString();
    }

    private static void assertSameContext(Context actual, Context expected) {
        assertThat(actual.getClass()).isEqualTo(expected.getClass());
        assertThat(actual.getTeamId()).isEqualTo(expected.getTeamId());
        assertThat(actual.getEnterpriseId()).isEqualTo(expected.getEnterpriseId());
        assertThat(actual.getRequestUserId()).isEqualTo(expected.getRequestUserId());
        assertThat(actual.getBotToken()).isEqualTo(expected.getBotToken());
        assertThat(actual.getFunctionBotAccessToken()).isEqualTo(expected.getFunctionBotAccessToken());
        assertThat(actual.getFunctionExecutionId()).isEqualTo(expected.getFunctionExecutionId());
        assertThat(actual.getSlack()).isSameAs(expected.getSlack());
        // Lombok's toString names every field of the context, response_url and trigger id included.
        assertThat(actual.toString()).isEqualTo(expected.toString());
    }

    private static String editPayload(String formBody, java.util.function.Consumer<JsonObject> edit) {
        var payload = JsonParser.parseString(URLDecoder.decode(formBody.substring("payload=".length()),
                StandardCharsets.UTF_8)).getAsJsonObject();
        edit.accept(payload);
        return "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
    }
}
