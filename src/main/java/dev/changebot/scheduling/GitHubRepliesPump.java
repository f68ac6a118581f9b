package dev.changebot.scheduling;

import dev.changebot.application.delivery.DeliverGitHubReplies;
import dev.changebot.github.GitHubSettings;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the queued replies to GitHub every {@code changebot.github.replies-interval} milliseconds on
 * every node (claims are leases), when the GitHub App is configured. 0 turns it off; tests drain by hand.
 */
@Singleton
class GitHubRepliesPump {

    private static final Logger LOG = LoggerFactory.getLogger(GitHubRepliesPump.class);

    private final BeanProvider<DeliverGitHubReplies> deliver;
    private final GitHubSettings settings;
    private final long intervalMillis;
    private ScheduledExecutorService pump;
    private volatile boolean stopping;

    GitHubRepliesPump(BeanProvider<DeliverGitHubReplies> deliver, GitHubSettings settings,
                      @Value("${changebot.github.replies-interval:1000}") long intervalMillis) {
        this.deliver = deliver;
        this.settings = settings;
        this.intervalMillis = intervalMillis;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (intervalMillis <= 0 || !settings.configured()) {
            return;
        }
        // Built now, so an unusable key file stops the start instead of the first reply.
        var worker = deliver.get();
        pump = Executors.newSingleThreadScheduledExecutor(r -> {
            var thread = new Thread(r, "github-replies");
            thread.setDaemon(true);
            return thread;
        });
        pump.scheduleWithFixedDelay(() -> drain(worker), intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void drain(DeliverGitHubReplies worker) {
        try {
            worker.drain(() -> !stopping);
        } catch (RuntimeException e) {
            LOG.warn("Sending replies to GitHub failed; retrying in {} ms", intervalMillis, e);
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        if (pump != null) {
            pump.shutdown();
            try {
                pump.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
