package dev.changebot.persistence.change;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;

/** One row of {@code change_request}: a change's details and current state. */
@MappedEntity("change_request")
public record ChangeRow(
        @Id @GeneratedValue @Nullable Long id,
        String workspaceId,
        long number,
        String requesterId,
        String originChannelId,
        String className,
        String title,
        @Nullable String description,
        @Nullable String justification,
        @Nullable String systemsAffected,
        String environment,
        @Nullable String risk,
        @Nullable String implementationPlan,
        @Nullable String rollbackPlan,
        @Nullable String testingEvidence,
        Instant proposedStart,
        @Nullable Long expectedDurationS,
        Instant requestedAt,
        String state,
        @Nullable String rejectedBy,
        @Nullable String rejectionReason,
        @Nullable Instant rejectedAt,
        @Nullable String messageChannelId,
        @Nullable String messageTs,
        @TypeDef(type = DataType.JSON) String extraFields,
        @Nullable String overrideBy,
        @Nullable Instant overrideAt,
        @Nullable String overrideJustification,
        @Nullable @TypeDef(type = DataType.JSON) String overrideRules,
        @Nullable @TypeDef(type = DataType.JSON) String pendingOverride,
        @Nullable String soakEnvironment,
        @Nullable Instant soakingUntil,
        int rolloutPercent,
        @TypeDef(type = DataType.JSON) String stagesPassed,
        @Nullable String incidentCommander,
        @Nullable String severity,
        @Nullable @TypeDef(type = DataType.JSON) String obligations,
        Instant updatedAt,
        @Nullable String service,
        @TypeDef(type = DataType.JSON) String stageSignoffs) {
}
