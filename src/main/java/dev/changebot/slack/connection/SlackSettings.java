package dev.changebot.slack.connection;

import java.util.ArrayList;
import java.util.List;

/**
 * The Slack credentials from the environment and the connection mode they allow. Secrets are
 * only ever read from the environment, never from files in the repository. In the sandbox the
 * credentials are generated for this process, and the Web API is the stand-in this server serves.
 */
public record SlackSettings(String botToken, String signingSecret, String appToken, String apiUrl, boolean sandbox) {

    public static final String DEFAULT_API_URL = "https://slack.com";

    public SlackSettings(String botToken, String signingSecret, String appToken, String apiUrl) {
        this(botToken, signingSecret, appToken, apiUrl, false);
    }

    /** The sandbox: a generated bot token and signing secret, the Web API at the stand-in's {@code apiUrl}. */
    public static SlackSettings sandbox(String botToken, String signingSecret, String apiUrl) {
        return new SlackSettings(botToken, signingSecret, null, apiUrl, true);
    }

    public SlackSettings {
        botToken = blankToNull(botToken);
        signingSecret = blankToNull(signingSecret);
        appToken = blankToNull(appToken);
        apiUrl = apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : stripTrailingSlash(apiUrl.strip());
    }

    public SlackMode mode() {
        if (botToken == null) {
            return SlackMode.DISABLED;
        }
        if (sandbox) {
            return signingSecret != null ? SlackMode.SANDBOX : SlackMode.DISABLED;
        }
        if (appToken != null) {
            return SlackMode.SOCKET;
        }
        return signingSecret != null ? SlackMode.HTTP : SlackMode.DISABLED;
    }

    /** One line telling an operator what is missing and how to set it; empty when nothing is. */
    public String whatIsMissing() {
        if (mode() != SlackMode.DISABLED) {
            return "";
        }
        List<String> missing = new ArrayList<>();
        if (botToken == null) {
            missing.add("SLACK_BOT_TOKEN");
        }
        if (signingSecret == null && appToken == null) {
            missing.add("SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode)");
        }
        return "Slack is not connected: set " + String.join(" and ", missing)
                + " (see README, 'Creating the Slack app'). The HTTP API still runs.";
    }

    /** The Web API prefix the SDK expects: base URL plus "/api/". */
    public String methodsEndpointUrlPrefix() {
        return apiUrl + "/api/";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
