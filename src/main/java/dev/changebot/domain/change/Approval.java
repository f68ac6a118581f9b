package dev.changebot.domain.change;

import java.time.Instant;

/** One person's approval of one step of a change's approval chain (steps count from 1). */
public record Approval(String approverId, Instant approvedAt, int step) {
}
