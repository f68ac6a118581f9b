package dev.changebot.domain.policy;

import java.time.Duration;

/** After deploying to {@code environment}, wait {@code duration} before moving on. */
public record SoakStage(String environment, Duration duration) {
}
