package dev.changebot.slack.connection;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reports the Slack connection on /health. Not configured is a deliberate way to run (the HTTP
 * API works without Slack), so it reads UP with an explanation; an unreachable Slack reads
 * UNKNOWN rather than DOWN, so an orchestrator does not restart us for Slack's outage.
 */
@Singleton
class SlackHealthIndicator implements HealthIndicator {

    private final SlackConnectionCheck check;

    SlackHealthIndicator(SlackConnectionCheck check) {
        this.check = check;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Mono.fromCallable(this::result).subscribeOn(Schedulers.boundedElastic());
    }

    private HealthResult result() {
        var details = new LinkedHashMap<String, Object>();
        details.put("mode", check.mode().name().toLowerCase());
        if (check.mode() == SlackMode.DISABLED) {
            // Not asked of Slack: with a bot token but neither a signing secret nor an app token,
            // whether Slack answers says nothing about why the bot cannot hear it.
            details.put("message", check.whatIsMissing());
            return HealthResult.builder("slack", HealthStatus.UP).details(details).build();
        }
        if (check.mode() == SlackMode.SANDBOX) {
            details.put("message", "No Slack workspace: the sandbox at /sandbox plays Slack in this process. Set"
                    + " SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN) to connect to Slack.");
        }
        var result = check.current();
        if (result.connected()) {
            details.put("team", result.team());
            details.put("botUser", result.botUser());
            return HealthResult.builder("slack", HealthStatus.UP).details(details).build();
        }
        details.put("problem", result.problem());
        return HealthResult.builder("slack", HealthStatus.UNKNOWN).details(details).build();
    }
}
