package dev.changebot.slack.connection;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.StringReader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * {@code changebot_slack_api_calls_total{method, outcome, error}}: every Slack Web API call, counted
 * where every one passes, the SDK's HTTP client (Bolt's calls, the outbox's, the directory's). The
 * SDK's own response listeners would not do: its client skips them when Slack answers non-2xx, a 429
 * among them. Outcomes: {@code ok}; {@code error} (Slack said ok:false; {@code error} names its code);
 * {@code ratelimited} (429); {@code http_error} (another non-2xx; {@code error} is {@code http_<status>});
 * {@code unreachable} (no answer at all). Labels come from Slack's fixed vocabularies, and anything
 * else becomes "other", so a label never carries a user's words or ids.
 */
final class SlackApiCalls implements Interceptor {

    static final String NAME = "changebot.slack.api.calls";
    /** Slack writes "ok" (and "error") first; this much of the body is enough to read them. */
    private static final long PEEK_BYTES = 512;
    private static final Pattern METHOD = Pattern.compile("[A-Za-z0-9_.]{1,64}");
    private static final Pattern ERROR_CODE = Pattern.compile("[a-z0-9_]{1,64}");

    private final MeterRegistry registry;
    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();

    SlackApiCalls(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        var method = method(chain.request().url().encodedPath());
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (IOException e) {
            count(method, "unreachable", "none");
            throw e;
        }
        if (response.code() == 429) {
            count(method, "ratelimited", "ratelimited");
        } else if (!response.isSuccessful()) {
            count(method, "http_error", "http_" + response.code());
        } else {
            var error = errorOf(response.peekBody(PEEK_BYTES).string());
            count(method, error == null ? "ok" : "error", error == null ? "none" : error);
        }
        return response;
    }

    private void count(String method, String outcome, String error) {
        counters.computeIfAbsent(method + ' ' + outcome + ' ' + error, key -> Counter.builder(NAME)
                .description("Slack Web API calls by method and outcome")
                .tags("method", method, "outcome", outcome, "error", error)
                .register(registry)).increment();
    }

    /** "chat.postMessage" from ".../api/chat.postMessage"; "other" for what no Slack method looks like. */
    static String method(String path) {
        var name = path.substring(path.lastIndexOf('/') + 1);
        return METHOD.matcher(name).matches() ? name : "other";
    }

    /**
     * Null when the answer says ok:true; else Slack's error code ("unknown" when the start of the
     * body does not say, "other" when the code is not one Slack would write). Only the top level is
     * read, and only until the answer is known.
     */
    static String errorOf(String start) {
        Boolean ok = null;
        String error = null;
        try (var json = new JsonReader(new StringReader(start))) {
            json.beginObject();
            while (json.hasNext() && (ok == null || (!ok && error == null))) {
                var name = json.nextName();
                if (name.equals("ok") && json.peek() == JsonToken.BOOLEAN) {
                    ok = json.nextBoolean();
                } else if (name.equals("error") && json.peek() == JsonToken.STRING) {
                    error = json.nextString();
                } else {
                    json.skipValue();
                }
            }
        } catch (IOException | IllegalStateException cutOrNotJson) {
            // The peeked start ended mid-value, or the body is not a JSON object: judged on what was read.
        }
        if (Boolean.TRUE.equals(ok)) {
            return null;
        }
        if (error == null) {
            return "unknown";
        }
        return ERROR_CODE.matcher(error).matches() ? error : "other";
    }
}
