package dev.changebot.persistence.change;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One row of {@code change_approval}. */
@MappedEntity("change_approval")
public record ApprovalRow(@Id @GeneratedValue @Nullable Long id, long changeId, String approverId, Instant approvedAt,
                          int step) {
}
