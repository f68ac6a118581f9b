package dev.changebot.domain.approval;

import java.time.Instant;

/** An approval given for one step of a chain (steps are numbered from 1). */
public record StepApproval(int step, String approverId, Instant approvedAt) {
}
