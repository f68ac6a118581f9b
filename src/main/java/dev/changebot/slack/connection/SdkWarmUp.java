package dev.changebot.slack.connection;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import java.util.Map;

/**
 * With a bot token set, the Slack SDK is built at every start, and its first use costs about a
 * second of CPU on the thread that builds the application context (OkHttp, Kotlin's library, Gson,
 * the JDK's TLS set-up: the SDK's static HTTP client). Begun by {@code main} on a thread of its
 * own, that work overlaps the context's start instead of adding to it; the context then finds
 * those classes loaded and initialised. Without a token the SDK is never built, and nothing is done.
 */
public final class SdkWarmUp {

    private SdkWarmUp() {
    }

    public static void beginIfConfigured(Map<String, String> environment) {
        var token = environment.get("SLACK_BOT_TOKEN");
        if (token == null || token.isBlank()) {
            return;
        }
        var thread = new Thread(SdkWarmUp::initialise, "slack-sdk-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void initialise() {
        try {
            // Initialising a class twice is impossible: a thread that needs it meanwhile waits for this one.
            var loader = SdkWarmUp.class.getClassLoader();
            Class.forName(Slack.class.getName(), true, loader);
            Class.forName(App.class.getName(), true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            // Not ours to report: the context builds the SDK itself and says what is wrong.
        }
    }
}
