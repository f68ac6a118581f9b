package dev.changebot.slack.connection;

import com.slack.api.methods.MethodsClient;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The bot's Web API client, or nothing when Slack is not configured. Made at each use, as Bolt
 * makes its own per request: a client is cheap, and it takes the Web API's base as it is now
 * ({@link SlackApiBase}), not as it was when this bean was built.
 */
public final class SlackWebApi {

    private final Supplier<Optional<MethodsClient>> clients;

    /** One client for every use (tests). */
    public SlackWebApi(Optional<MethodsClient> client) {
        this.clients = () -> client;
    }

    SlackWebApi(Supplier<Optional<MethodsClient>> clients) {
        this.clients = clients;
    }

    public Optional<MethodsClient> client() {
        return clients.get();
    }
}
