package dev.changebot.domain.change;

import java.time.Instant;

/** A soak in progress: where, and until when; nothing moves on before it ends. */
public record Soak(String environment, Instant until) {
}
