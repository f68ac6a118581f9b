package dev.changebot.slack.connection;

/**
 * Where the Slack Web API is: its base URL (the SDK adds "/api/method"), asked at every call
 * rather than once. Slack's own host never moves, but the sandbox's stand-in is served by this
 * very server, whose port (a random one in tests) is only known once it listens.
 */
@FunctionalInterface
public interface SlackApiBase {

    String url();

    /** The Web API prefix the SDK expects: base URL plus "/api/". */
    default String methodsEndpointUrlPrefix() {
        return url() + "/api/";
    }
}
