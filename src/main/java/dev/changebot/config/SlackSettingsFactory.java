package dev.changebot.config;

import dev.changebot.sandbox.SandboxAddress;
import dev.changebot.sandbox.SandboxCredentials;
import dev.changebot.sandbox.SandboxMode;
import dev.changebot.slack.connection.SlackApiBase;
import dev.changebot.slack.connection.SlackSettings;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * Which Slack the bot talks to: the real one from SLACK_* variables, or in the sandbox the stand-in
 * this server serves, with credentials made up for this process. The bot's code is the same for
 * both; only these two beans differ.
 */
@Factory
class SlackSettingsFactory {

    @Singleton
    SlackSettings slackSettings(SandboxMode sandbox, BeanProvider<SandboxCredentials> credentials,
                                @Nullable @Value("${slack.bot-token:}") String botToken,
                                @Nullable @Value("${slack.signing-secret:}") String signingSecret,
                                @Nullable @Value("${slack.app-token:}") String appToken,
                                @Nullable @Value("${slack.api-url:}") String apiUrl) {
        if (sandbox.on()) {
            var made = credentials.get();
            return SlackSettings.sandbox(made.botToken(), made.signingSecret(), "the sandbox's stand-in");
        }
        return new SlackSettings(botToken, signingSecret, appToken, apiUrl);
    }

    /** In the sandbox the stand-in's base is asked of the server at each call: its port comes late. */
    @Singleton
    SlackApiBase slackApiBase(SlackSettings settings, BeanProvider<SandboxAddress> sandbox) {
        if (settings.sandbox()) {
            var address = sandbox.get();
            return address::webApiBase;
        }
        var fixed = settings.apiUrl();
        return () -> fixed;
    }
}
