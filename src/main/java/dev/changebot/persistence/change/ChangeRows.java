package dev.changebot.persistence.change;

import dev.changebot.domain.change.Approval;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeDetails;
import dev.changebot.domain.change.ChangeField;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.change.MessageRef;
import dev.changebot.domain.change.PolicyException;
import dev.changebot.domain.change.Rejection;
import dev.changebot.domain.change.Risk;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Translates between the aggregate and its rows; the policy-specific extra fields travel as JSON. */
@Singleton
class ChangeRows {

    private static final Argument<Map<String, String>> TEXT_MAP = Argument.mapOf(String.class, String.class);

    private final JsonMapper json;

    ChangeRows(JsonMapper json) {
        this.json = json;
    }

    ChangeRow toRow(Long rowId, Change change, Instant updatedAt) {
        var d = change.details();
        var rejection = change.rejection();
        var message = change.message();
        return new ChangeRow(rowId, change.workspaceId(), change.id().number(), change.requesterId(),
                change.originChannelId(), change.changeClass(), d.title(), d.description(), d.justification(),
                d.systemsAffected(), d.environment(), d.risk().name(), d.implementationPlan(), d.rollbackPlan(),
                d.testingEvidence(), d.proposedStart(), d.expectedDuration().toSeconds(), change.requestedAt(),
                change.state().name(),
                rejection.map(Rejection::rejectedBy).orElse(null),
                rejection.map(Rejection::reason).orElse(null),
                rejection.map(Rejection::rejectedAt).orElse(null),
                message.map(MessageRef::channelId).orElse(null),
                message.map(MessageRef::messageTs).orElse(null),
                extraToJson(d.extra()),
                change.exception().map(PolicyException::overriddenBy).orElse(null),
                change.exception().map(PolicyException::at).orElse(null),
                change.exception().map(PolicyException::justification).orElse(null),
                change.exception().map(e -> write(e.rules())).orElse(null),
                updatedAt);
    }

    Change toChange(ChangeRow row, List<ApprovalRow> approvals) {
        var details = new ChangeDetails(row.title(), row.description(), row.justification(), row.systemsAffected(),
                row.environment(), Risk.valueOf(row.risk()), row.implementationPlan(), row.rollbackPlan(),
                row.testingEvidence(), row.proposedStart(), Duration.ofSeconds(row.expectedDurationS()),
                extraFromJson(row.extraFields()));
        var rejection = row.rejectedBy() == null ? null
                : new Rejection(row.rejectedBy(), row.rejectionReason(), row.rejectedAt());
        var message = row.messageTs() == null ? null : new MessageRef(row.messageChannelId(), row.messageTs());
        return Change.restore(new ChangeId(row.number()), row.workspaceId(), row.requesterId(), row.originChannelId(),
                row.className(), details, row.requestedAt(), ChangeState.valueOf(row.state()),
                approvals.stream().map(a -> new Approval(a.approverId(), a.approvedAt(), a.step())).toList(),
                rejection, message, exception(row));
    }

    private PolicyException exception(ChangeRow row) {
        if (row.overrideBy() == null) {
            return null;
        }
        try {
            List<String> rules = row.overrideRules() == null ? List.of()
                    : json.readValue(row.overrideRules(), Argument.listOf(String.class));
            return new PolicyException(row.overrideBy(), row.overrideAt(), row.overrideJustification(), rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String extraToJson(Map<ChangeField, String> extra) {
        var byName = new LinkedHashMap<String, String>();
        extra.forEach((field, value) -> byName.put(field.name().toLowerCase(Locale.ROOT), value));
        return write(byName);
    }

    private Map<ChangeField, String> extraFromJson(String text) {
        var extra = new EnumMap<ChangeField, String>(ChangeField.class);
        if (text == null || text.isBlank()) {
            return extra;
        }
        try {
            json.readValue(text, TEXT_MAP).forEach((name, value) ->
                    extra.put(ChangeField.valueOf(name.toUpperCase(Locale.ROOT)), value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return extra;
    }
}
