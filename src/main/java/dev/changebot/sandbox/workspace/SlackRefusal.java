package dev.changebot.sandbox.workspace;

import java.util.List;

/**
 * Slack's "ok": false answer: its error code (channel_not_found, invalid_blocks...) and the
 * detail it gives in response_metadata.messages.
 */
public final class SlackRefusal extends RuntimeException {

    private final String error;
    private final List<String> messages;

    public SlackRefusal(String error) {
        this(error, List.of());
    }

    public SlackRefusal(String error, List<String> messages) {
        super(error + (messages.isEmpty() ? "" : " " + messages));
        this.error = error;
        this.messages = List.copyOf(messages);
    }

    public String error() {
        return error;
    }

    public List<String> messages() {
        return messages;
    }
}
