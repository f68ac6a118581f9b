package dev.changebot.slack.connection;

import com.slack.api.bolt.socket_mode.SocketModeApp;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says at start-up how Slack is connected, and in Socket Mode opens the connection in the
 * background with retries: Slack being down must never stop the application from starting.
 */
@Singleton
class SlackStartup {

    private static final Logger LOG = LoggerFactory.getLogger(SlackStartup.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final SlackSettings settings;
    private final BoltApp bolt;
    private final SlackConnectionCheck connection;
    private volatile Thread connector;
    private volatile SocketModeApp socketMode;

    SlackStartup(SlackSettings settings, BoltApp bolt, SlackConnectionCheck connection) {
        this.settings = settings;
        this.bolt = bolt;
        this.connection = connection;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        switch (settings.mode()) {
            case DISABLED -> LOG.warn(settings.whatIsMissing());
            // The sandbox says where to open it once the server listens (its port is known then).
            case SANDBOX -> LOG.debug("Slack: the sandbox's stand-in, over HTTP at POST /slack/events");
            case HTTP -> LOG.info("Slack: HTTP mode, Slack calls POST /slack/events (Web API at {})",
                    settings.apiUrl());
            case SOCKET -> {
                LOG.info("Slack: Socket Mode, connecting in the background (Web API at {})", settings.apiUrl());
                var thread = new Thread(this::connectWithRetries, "slack-socket-mode");
                thread.setDaemon(true);
                thread.start();
                connector = thread;
            }
        }
    }

    private void connectWithRetries() {
        var backoff = Duration.ofSeconds(1);
        while (!Thread.currentThread().isInterrupted()) {
            // Our own auth.test first: Bolt reports any failure of its own check, an unknown host
            // included, as "The token is invalid", which sends the operator to the wrong place.
            var reachable = connection.refresh();
            String problem = reachable.problem();
            if (reachable.connected()) {
                try {
                    var app = new SocketModeApp(settings.appToken(), bolt.app().orElseThrow());
                    app.startAsync();
                    socketMode = app;
                    LOG.info("Slack: Socket Mode connected");
                    return;
                } catch (Exception e) {
                    problem = "the app-level token (SLACK_APP_TOKEN) could not open a connection: " + e.getMessage();
                }
            }
            LOG.warn("Slack: Socket Mode could not connect ({}); retrying in {} s", problem, backoff.toSeconds());
            try {
                Thread.sleep(backoff.toMillis());
            } catch (InterruptedException stop) {
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        if (connector != null) {
            connector.interrupt();
        }
        if (socketMode != null) {
            try {
                socketMode.close();
            } catch (Exception e) {
                LOG.debug("Socket Mode did not close cleanly", e);
            }
        }
    }
}
