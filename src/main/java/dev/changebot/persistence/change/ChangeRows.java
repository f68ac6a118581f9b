package dev.changebot.persistence.change;

import dev.changebot.domain.change.Approval;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeDetails;
import dev.changebot.domain.change.ChangeField;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.change.Emergency;
import dev.changebot.domain.change.MessageRef;
import dev.changebot.domain.change.Soak;
import dev.changebot.domain.change.StageSignoff;
import dev.changebot.domain.change.StoredChange;
import dev.changebot.domain.change.Obligation;
import dev.changebot.domain.change.OverrideRequest;
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
                d.systemsAffected(), d.environment(), d.risk() == null ? null : d.risk().name(), d.implementationPlan(), d.rollbackPlan(),
                d.testingEvidence(), d.proposedStart(), d.expectedDuration() == null ? null : d.expectedDuration().toSeconds(), change.requestedAt(),
                change.state().name(),
                rejection.map(Rejection::rejectedBy).orElse(null),
                rejection.map(Rejection::reason).orElse(null),
                rejection.map(Rejection::rejectedAt).orElse(null),
                message.map(MessageRef::channelId).orElse(null),
                message.map(MessageRef::messageTs).orElse(null),
                extraToJson(d.extra()),
                change.exception().map(e -> String.join(",", e.overriddenBy())).orElse(null),
                change.exception().map(PolicyException::at).orElse(null),
                change.exception().map(PolicyException::justification).orElse(null),
                change.exception().map(e -> write(e.rules())).orElse(null),
                change.pendingOverride().map(this::overrideToJson).orElse(null),
                change.soak().map(Soak::environment).orElse(null),
                change.soak().map(Soak::until).orElse(null),
                change.rolloutPercent(),
                write(change.stagesPassed()),
                change.incidentCommander().orElse(null),
                change.emergency().flatMap(Emergency::severity).orElse(null),
                change.obligations().isEmpty() ? null : obligationsToJson(change.obligations()),
                updatedAt,
                change.service().orElse(null),
                stageSignoffsToJson(change.stageSignoffs()));
    }

    Change toChange(ChangeReads.Found found) {
        return toChange(found.row(), found.approvals());
    }

    Change toChange(ChangeRow row, List<ApprovalRow> approvals) {
        var details = new ChangeDetails(row.title(), row.description(), row.justification(), row.systemsAffected(),
                row.environment(), row.risk() == null ? null : Risk.valueOf(row.risk()), row.implementationPlan(),
                row.rollbackPlan(), row.testingEvidence(), row.proposedStart(),
                row.expectedDurationS() == null ? null : Duration.ofSeconds(row.expectedDurationS()),
                extraFromJson(row.extraFields()));
        var rejection = row.rejectedBy() == null ? null
                : new Rejection(row.rejectedBy(), row.rejectionReason(), row.rejectedAt());
        var message = row.messageTs() == null ? null : new MessageRef(row.messageChannelId(), row.messageTs());
        var soak = row.soakEnvironment() == null ? null : new Soak(row.soakEnvironment(), row.soakingUntil());
        var emergency = row.incidentCommander() == null ? null : new Emergency(row.incidentCommander(),
                java.util.Optional.ofNullable(row.severity()));
        return Change.restore(new StoredChange(new ChangeId(row.number()), row.workspaceId(), row.requesterId(),
                row.originChannelId(), row.className(), details, row.requestedAt(), ChangeState.valueOf(row.state()),
                approvals.stream().map(a -> new Approval(a.approverId(), a.approvedAt(), a.step())).toList(),
                rejection, message, exception(row), pendingOverride(row), soak, row.rolloutPercent(),
                stagesPassed(row), emergency, row.service(), stageSignoffs(row.stageSignoffs()), obligations(row.obligations())));
    }

    private String stageSignoffsToJson(List<StageSignoff> signoffs) {
        return write(signoffs.stream().map(s -> Map.<String, Object>of("before", s.before(), "step", s.step(),
                "approver", s.approverId(), "at", s.approvedAt().toString(), "roles", s.roles())).toList());
    }

    @SuppressWarnings("unchecked")
    private List<StageSignoff> stageSignoffs(String text) {
        if (text == null || text.equals("[]")) {
            return List.of();
        }
        try {
            List<Map<String, Object>> list = json.readValue(text, Argument.listOf(Argument.mapOf(String.class, Object.class)));
            return list.stream().map(m -> new StageSignoff((String) m.get("before"), (String) m.get("step"),
                    (String) m.get("approver"), Instant.parse((String) m.get("at")), (List<String>) m.get("roles"))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> stagesPassed(ChangeRow row) {
        try {
            return json.readValue(row.stagesPassed(), Argument.listOf(String.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PolicyException exception(ChangeRow row) {
        if (row.overrideBy() == null) {
            return null;
        }
        try {
            List<String> rules = row.overrideRules() == null ? List.of()
                    : json.readValue(row.overrideRules(), Argument.listOf(String.class));
            return new PolicyException(List.of(row.overrideBy().split(",")), row.overrideAt(),
                    row.overrideJustification(), rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String obligationsToJson(List<Obligation> obligations) {
        return write(obligations.stream().map(o -> {
            var map = new java.util.LinkedHashMap<String, Object>();
            map.put("name", o.name());
            map.put("label", o.label());
            map.put("dueAt", o.dueAt().toString());
            map.put("roles", List.copyOf(o.roles()));
            map.put("notDeclarer", o.notDeclarer());
            map.put("asks", o.asks());
            map.put("status", o.status().name());
            o.satisfiedBy().ifPresent(u -> map.put("satisfiedBy", u));
            o.satisfiedAt().ifPresent(t -> map.put("satisfiedAt", t.toString()));
            map.put("answers", o.answers());
            o.onlyBy().ifPresent(u -> map.put("onlyBy", u));
            return map;
        }).toList());
    }

    @SuppressWarnings("unchecked")
    private List<Obligation> obligations(String text) {
        if (text == null) {
            return List.of();
        }
        try {
            List<Map<String, Object>> list = json.readValue(text, Argument.listOf(Argument.mapOf(String.class, Object.class)));
            return list.stream().map(m -> new Obligation((String) m.get("name"), (String) m.get("label"),
                    Instant.parse((String) m.get("dueAt")), java.util.Set.copyOf((List<String>) m.get("roles")),
                    (Boolean) m.get("notDeclarer"), (List<String>) m.get("asks"),
                    Obligation.Status.valueOf((String) m.get("status")),
                    java.util.Optional.ofNullable((String) m.get("satisfiedBy")),
                    java.util.Optional.ofNullable((String) m.get("satisfiedAt")).map(Instant::parse),
                    (Map<String, String>) m.getOrDefault("answers", Map.of()),
                    java.util.Optional.ofNullable((String) m.get("onlyBy")))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The domain stays free of serialisation annotations: the JSON shape is spelt out here. */
    private String overrideToJson(OverrideRequest request) {
        var signers = request.signers().stream()
                .map(s -> Map.<String, Object>of("user", s.userId(), "roles", List.copyOf(s.roles()))).toList();
        return write(Map.of("justification", request.justification(), "rules", request.rules(),
                "requestedAt", request.requestedAt().toString(), "signers", signers));
    }

    @SuppressWarnings("unchecked")
    private OverrideRequest pendingOverride(ChangeRow row) {
        if (row.pendingOverride() == null) {
            return null;
        }
        try {
            Map<String, Object> map = json.readValue(row.pendingOverride(), Argument.mapOf(String.class, Object.class));
            var signers = ((List<Map<String, Object>>) map.get("signers")).stream()
                    .map(s -> new OverrideRequest.Signature((String) s.get("user"),
                            java.util.Set.copyOf((List<String>) s.get("roles")))).toList();
            return new OverrideRequest((String) map.get("justification"), (List<String>) map.get("rules"), signers,
                    Instant.parse((String) map.get("requestedAt")));
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
