package dev.changebot.config;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A training start for a class-data-sharing archive: with {@code changebot.stop-after-startup=true}
 * the server starts as usual, answers one {@code /health} itself, and stops cleanly. Run under
 * {@code -XX:ArchiveClassesAtExit=changebot.jsa}, that one command writes an archive of every class
 * a start loads; starts with {@code -XX:SharedArchiveFile=changebot.jsa} then map those classes
 * instead of loading and verifying them again, which halves the CPU a start costs
 * (docs/performance/startup-and-memory.md, "Start-up"). Java 17 cannot create the archive on first use by itself.
 */
@Singleton
@Requires(property = "changebot.stop-after-startup", value = "true")
class StopAfterStartup {

    private static final Logger LOG = LoggerFactory.getLogger(StopAfterStartup.class);

    @EventListener
    void onServerStarted(ServerStartupEvent event) {
        var health = event.getSource().getURL().toString() + "/health";
        // Not on the thread that announces the start: exiting runs the shutdown hook, which closes
        // the application context this event is still being delivered by.
        var stopper = new Thread(() -> stop(health), "stop-after-startup");
        stopper.start();
    }

    private static void stop(String health) {
        try {
            var connection = (HttpURLConnection) URI.create(health).toURL().openConnection();
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(30_000);
            LOG.info("Started; {} answered {}; stopping, as changebot.stop-after-startup asks", health,
                    connection.getResponseCode());
            connection.disconnect();
        } catch (IOException e) {
            LOG.warn("Started; {} could not be read ({}); stopping, as changebot.stop-after-startup asks", health,
                    e.toString());
        }
        System.exit(0);
    }
}
