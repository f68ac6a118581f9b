package dev.changebot.domain.change;

import java.time.Instant;

/** Why, by whom and when a change was turned down. */
public record Rejection(String rejectedBy, String reason, Instant rejectedAt) {
}
