package dev.changebot.slack.connection;

import com.slack.api.methods.MethodsClient;
import java.util.Optional;

/** The bot's Web API client, or nothing when Slack is not configured. */
public record SlackWebApi(Optional<MethodsClient> client) {
}
