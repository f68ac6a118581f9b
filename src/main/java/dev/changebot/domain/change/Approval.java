package dev.changebot.domain.change;

import java.time.Instant;

/** One person's approval of a change. */
public record Approval(String approverId, Instant approvedAt) {
}
