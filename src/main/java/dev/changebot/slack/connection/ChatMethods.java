package dev.changebot.slack.connection;

import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.methods.Methods;
import com.slack.api.methods.RequestFormBuilder;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import okhttp3.FormBody;

/**
 * chat.postMessage and chat.update for the outbox, as the SDK's {@code MethodsClient} sends them
 * (the same form, HTTP client, endpoint and response listeners), but read with one Gson. The SDK
 * (1.48, still so upstream) builds a new Gson for every response it parses
 * ({@code MethodsClientImpl.parseJsonResponseAndRunListeners}), and a new Gson rebuilds its
 * reflective adapters for the response classes: a quarter of the outbox's CPU under a burst.
 * The SDK has no hook for its parser; this one is configured exactly as the SDK configures its own.
 * What the SDK adds per call besides (its in-memory call statistics, and an auth.test to learn the
 * token's team for them) nobody here reads, and is left out.
 */
public final class ChatMethods {

    private final Slack slack;
    private final String token;
    private final Gson gson;

    ChatMethods(Slack slack, String token) {
        this.slack = slack;
        this.token = token;
        this.gson = GsonFactory.createSnakeCase(slack.getConfig());
    }

    public ChatPostMessageResponse postMessage(ChatPostMessageRequest request) throws IOException, SlackApiException {
        return call(Methods.CHAT_POST_MESSAGE, RequestFormBuilder.toForm(request), ChatPostMessageResponse.class);
    }

    public ChatUpdateResponse update(ChatUpdateRequest request) throws IOException, SlackApiException {
        return call(Methods.CHAT_UPDATE, RequestFormBuilder.toForm(request), ChatUpdateResponse.class);
    }

    /** A non-2xx answer is a {@link SlackApiException}, as from the SDK's client (a 429 carries Retry-After). */
    private <T extends SlackApiTextResponse> T call(String method, FormBody.Builder form, Class<T> type)
            throws IOException, SlackApiException {
        var http = slack.getHttpClient();
        try (var response = http.postFormWithBearerHeader(slack.getConfig().getMethodsEndpointUrlPrefix() + method, token, form.build())) {
            var body = response.body() == null ? "" : response.body().string();
            try {
                if (!response.isSuccessful()) {
                    throw new SlackApiException(http.getConfig(), response, body);
                }
                return gson.fromJson(body, type);
            } finally {
                http.runHttpResponseListeners(response, body, false);
            }
        }
    }
}
