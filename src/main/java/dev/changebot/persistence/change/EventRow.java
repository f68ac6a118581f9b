package dev.changebot.persistence.change;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;

/** One row of the append-only {@code change_event} audit trail. */
@MappedEntity("change_event")
public record EventRow(
        @Id @GeneratedValue @Nullable Long id,
        long changeId,
        String workspaceId,
        String type,
        String actorId,
        Instant occurredAt,
        @TypeDef(type = DataType.JSON) String details) {
}
