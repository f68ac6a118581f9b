package dev.changebot.scheduling;

import dev.changebot.application.delivery.DeliverGitHubReplies;
import dev.changebot.github.GitHubSettings;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * Sends the queued replies to GitHub every {@code changebot.github.replies-interval} milliseconds on
 * every node (claims are leases), when the GitHub App is configured. 0 turns it off; tests drain by hand.
 */
@Singleton
class GitHubRepliesPump {

    private final BeanProvider<DeliverGitHubReplies> deliver;
    private final GitHubSettings settings;
    private final long intervalMillis;
    private RepeatingTask task;

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
        task = new RepeatingTask("github-replies", intervalMillis, worker::drain);
        task.start();
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.stop();
        }
    }
}
