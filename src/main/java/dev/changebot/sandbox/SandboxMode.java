package dev.changebot.sandbox;

import io.micronaut.core.value.PropertyResolver;
import java.util.Locale;

/**
 * Whether this process plays Slack itself (the sandbox), decided once from the environment:
 * {@code CHANGEBOT_SANDBOX} unset means "when no Slack credential is set", {@code true} means "unless a
 * bot token is set" (the stand-in is never active beside real Slack credentials), {@code false} means
 * never. {@code why} is what the log says when a request for the sandbox is not honoured, or the
 * setting is not understood.
 *
 * @param on      the stand-in, its routes and the page exist
 * @param exposed its routes serve other hosts than this one (CHANGEBOT_SANDBOX_EXPOSE=true)
 */
public record SandboxMode(boolean on, boolean exposed, String why) {

    public static final String SETTING = "changebot.sandbox.enabled";
    public static final String EXPOSE = "changebot.sandbox.expose";

    /** The decision from the property values (blank or null means unset). */
    public static SandboxMode decide(String setting, String botToken, String signingSecret, String appToken,
                                     String expose) {
        boolean exposed = "true".equalsIgnoreCase(blankToEmpty(expose));
        boolean anyCredential = !blankToEmpty(botToken).isEmpty() || !blankToEmpty(signingSecret).isEmpty()
                || !blankToEmpty(appToken).isEmpty();
        var value = blankToEmpty(setting).toLowerCase(Locale.ROOT);
        switch (value) {
            case "" -> {
                return anyCredential ? new SandboxMode(false, false, "Slack credentials are set")
                        : new SandboxMode(true, exposed, "no Slack credentials are set");
            }
            case "true" -> {
                return blankToEmpty(botToken).isEmpty() ? new SandboxMode(true, exposed, "CHANGEBOT_SANDBOX=true")
                        : new SandboxMode(false, false, "CHANGEBOT_SANDBOX=true is ignored because SLACK_BOT_TOKEN is set:"
                                + " the sandbox never runs beside real Slack credentials");
            }
            case "false" -> {
                return new SandboxMode(false, false, "CHANGEBOT_SANDBOX=false");
            }
            default -> {
                // Not a reason to refuse to start: the default rule applies, and the log says so.
                var fallback = decide("", botToken, signingSecret, appToken, expose);
                return new SandboxMode(fallback.on(), fallback.exposed(), "CHANGEBOT_SANDBOX='" + setting
                        + "' is neither true nor false, so it is ignored (" + fallback.why() + ")");
            }
        }
    }

    /** The decision from the application's properties (CHANGEBOT_SANDBOX and SLACK_* arrive there). */
    public static SandboxMode of(PropertyResolver properties) {
        return decide(property(properties, SETTING), property(properties, "slack.bot-token"),
                property(properties, "slack.signing-secret"), property(properties, "slack.app-token"),
                property(properties, EXPOSE));
    }

    private static String property(PropertyResolver properties, String name) {
        return properties.getProperty(name, String.class).orElse("");
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
