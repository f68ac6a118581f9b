package dev.changebot.slack.connection;

import com.slack.api.bolt.App;
import java.util.Optional;

/** The Bolt app with every listener registered, or nothing when Slack is not configured. */
public record BoltApp(Optional<App> app) {

    public void stop() {
        app.ifPresent(bolt -> {
            try {
                bolt.stop();
            } catch (Exception ignored) {
                // Shutting down: nothing useful to do with a failure to stop.
            }
        });
    }
}
