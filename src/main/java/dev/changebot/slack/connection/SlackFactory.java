package dev.changebot.slack.connection;

import com.slack.api.Slack;
import com.slack.api.bolt.AppConfig;
import com.slack.api.util.http.SlackHttpClient;
import dev.changebot.slack.SlackListeners;
import dev.changebot.slack.metrics.SlackAckTimers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/** Builds the Slack SDK objects from the environment: the Web API client and the Bolt app. */
@Factory
class SlackFactory {

    /**
     * Only built when Slack is configured (through the providers below): the SDK's first use costs
     * the start-up about a second of CPU (OkHttp, Kotlin, Gson, the TLS trust store).
     */
    @Singleton
    Slack slack(SlackApiBase apiBase, MeterRegistry meters) {
        // SlackConfig.DEFAULT is immutable: a fresh config is the only way to point at another API host.
        var config = new ApiBaseSlackConfig(apiBase);
        config.setPrettyResponseLoggingEnabled(false);
        // The SDK's own call statistics feed only its async client's rate limiter, which we do not use (the
        // outbox paces its calls, SlackApiCalls counts them): off, no call records them. Their maintenance
        // threads stay (the SDK starts them with every config, its static default's too):
        // docs/performance/ack-path-sessions.md, sixth session.
        config.setStatsEnabled(false);
        // The SDK's own HTTP client, with every Web API call counted on its way (SlackApiCalls).
        var okHttp = SlackHttpClient.buildOkHttpClient(config).newBuilder().addInterceptor(new SlackApiCalls(meters)).build();
        return Slack.getInstance(config, new SlackHttpClient(okHttp));
    }

    /** The Web API client with the bot token; absent when Slack is not configured. */
    @Singleton
    SlackWebApi slackWebApi(BeanProvider<Slack> slack, SlackSettings settings) {
        return new SlackWebApi(() -> Optional.ofNullable(settings.botToken()).map(token -> slack.get().methods(token)));
    }

    /**
     * The outbox's chat calls, read with one shared Gson; absent when Slack is not configured. A
     * provider, like the others here: the outbox is built at every start, Slack or not.
     */
    @Singleton
    SlackChat slackChat(BeanProvider<Slack> slack, SlackSettings settings) {
        return new SlackChat(Optional.ofNullable(settings.botToken()).map(token -> new ChatMethods(slack.get(), token)));
    }

    @Bean(preDestroy = "stop")
    @Singleton
    BoltApp boltApp(BeanProvider<Slack> slack, SlackSettings settings, BeanProvider<SlackListeners> listeners,
                    @Value("${changebot.slack.database-budget:1800ms}") Duration databaseBudget, SlackAckTimers ackTimers) {
        if (settings.mode() == SlackMode.DISABLED) {
            return new BoltApp(Optional.empty());
        }
        var config = AppConfig.builder()
                .slack(slack.get())
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.signingSecret())
                .build();
        var app = new ChangebotBoltApp(config, databaseBudget, ackTimers);
        listeners.get().register(app);
        return new BoltApp(Optional.of(app));
    }
}
