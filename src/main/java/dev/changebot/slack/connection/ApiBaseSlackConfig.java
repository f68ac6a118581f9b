package dev.changebot.slack.connection;

import com.slack.api.SlackConfig;

/**
 * The SDK's configuration with the Web API prefix read from {@link SlackApiBase} whenever a client
 * is made (Bolt makes one per request, {@link SlackWebApi} one per use), so a base known only
 * after start-up (the sandbox's) is still the one every call goes to.
 */
final class ApiBaseSlackConfig extends SlackConfig {

    private final SlackApiBase base;

    ApiBaseSlackConfig(SlackApiBase base) {
        this.base = base;
    }

    @Override
    public String getMethodsEndpointUrlPrefix() {
        return base.methodsEndpointUrlPrefix();
    }
}
