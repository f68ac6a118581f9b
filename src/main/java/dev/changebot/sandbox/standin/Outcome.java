package dev.changebot.sandbox.standin;

import java.util.Map;

/**
 * What a person's act in the page came to: {@code ok}, or the error a person in Slack would have
 * seen (the bot's failure, or Slack's refusal). For a submitted modal, whether it closed and the
 * errors the bot put on its blocks.
 */
public record Outcome(boolean ok, String error, boolean closed, Map<String, String> errors) {

    public Outcome {
        errors = Map.copyOf(errors);
    }

    public static Outcome done() {
        return new Outcome(true, null, false, Map.of());
    }

    public static Outcome failed(String error) {
        return new Outcome(false, error, false, Map.of());
    }
}
