package dev.changebot.persistence;

import dev.changebot.domain.notice.NoticeFacts;
import dev.changebot.domain.policy.DeploymentPlan;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A notice's facts as a row stores them: its kind, and a JSON object whose shape each kind spells
 * out here, so the domain stays free of serialisation and a renamed field cannot strand a queued row.
 */
@Singleton
class NoticeFactsJson {

    /** A notice's kind and facts, as stored. */
    record Stored(String kind, String json) {
    }

    private static final String SOAK_COMPLETED = "SOAK_COMPLETED";
    private static final String APPROVAL_REMINDER = "APPROVAL_REMINDER";
    private static final String APPROVAL_ESCALATION = "APPROVAL_ESCALATION";
    private static final String FOLLOW_UP_REMINDER = "FOLLOW_UP_REMINDER";
    private static final String FOLLOW_UP_OVERDUE = "FOLLOW_UP_OVERDUE";
    private static final String CHANGE_NOT_POSTED = "CHANGE_NOT_POSTED";
    private static final String UNAUTHORIZED_DEPLOYMENT = "UNAUTHORIZED_DEPLOYMENT";
    private static final String FOLLOW_UPS_OWED = "FOLLOW_UPS_OWED";
    private static final String ISSUE_REPORTED = "ISSUE_REPORTED";
    private static final String INCIDENT_FREEZE = "INCIDENT_FREEZE";
    private static final String INCIDENT_THAW = "INCIDENT_THAW";
    private static final String PLANNED_OVER = "PLANNED_OVER";
    private static final String PLANNED_OVER_OTHERS = "PLANNED_OVER_OTHERS";

    private final JsonMapper json;

    NoticeFactsJson(JsonMapper json) {
        this.json = json;
    }

    Stored write(NoticeFacts facts) {
        var fields = new LinkedHashMap<String, Object>();
        String kind;
        if (facts instanceof NoticeFacts.SoakCompleted soak) {
            kind = SOAK_COMPLETED;
            fields.put("environment", soak.environment());
            soak.next().ifPresent(next -> fields.put("next", nextToJson(next)));
            if (!soak.awaiting().isEmpty()) {
                fields.put("awaiting", soak.awaiting());
            }
        } else if (facts instanceof NoticeFacts.ApprovalReminder reminder) {
            kind = APPROVAL_REMINDER;
            fields.put("title", reminder.title());
            fields.put("step", reminder.step());
        } else if (facts instanceof NoticeFacts.ApprovalEscalation escalation) {
            kind = APPROVAL_ESCALATION;
            fields.put("title", escalation.title());
            fields.put("step", escalation.step());
            fields.put("requesterId", escalation.requesterId());
        } else if (facts instanceof NoticeFacts.FollowUpReminder reminder) {
            kind = FOLLOW_UP_REMINDER;
            followUp(fields, reminder.title(), reminder.followUp(), reminder.label(), reminder.dueAt());
        } else if (facts instanceof NoticeFacts.FollowUpOverdue overdue) {
            kind = FOLLOW_UP_OVERDUE;
            followUp(fields, overdue.title(), overdue.followUp(), overdue.label(), overdue.dueAt());
        } else if (facts instanceof NoticeFacts.FollowUpsOwed owed) {
            kind = FOLLOW_UPS_OWED;
            fields.put("title", owed.title());
            fields.put("after", owed.after());
            fields.put("owed", owed.owed().stream().map(o -> Map.of("followUp", o.followUp(), "label", o.label(),
                    "dueAt", o.dueAt().toString())).toList());
        } else if (facts instanceof NoticeFacts.IssueReported issue) {
            kind = ISSUE_REPORTED;
            fields.put("title", issue.title());
            fields.put("reporterId", issue.reporterId());
            fields.put("summary", issue.summary());
        } else if (facts instanceof NoticeFacts.IncidentFreeze freeze) {
            kind = INCIDENT_FREEZE;
            fields.put("ref", freeze.ref());
            fields.put("headline", freeze.headline());
            fields.put("services", freeze.services());
            fields.put("source", freeze.source());
            fields.put("links", freeze.links());
            if (freeze.reopened()) {
                fields.put("reopened", true);
            }
        } else if (facts instanceof NoticeFacts.IncidentThaw thaw) {
            kind = INCIDENT_THAW;
            fields.put("ref", thaw.ref());
            fields.put("headline", thaw.headline());
            fields.put("services", thaw.services());
            fields.put("waiting", thaw.waiting());
        } else if (facts instanceof NoticeFacts.PlannedOver over) {
            kind = PLANNED_OVER;
            fields.put("by", lineToJson(over.by()));
        } else if (facts instanceof NoticeFacts.PlannedOverOthers others) {
            kind = PLANNED_OVER_OTHERS;
            fields.put("others", others.others().stream().map(NoticeFactsJson::lineToJson).toList());
            fields.put("more", others.more());
        } else if (facts instanceof NoticeFacts.UnauthorizedDeployment deployment) {
            kind = UNAUTHORIZED_DEPLOYMENT;
            fields.put("where", deployment.where());
            fields.put("reportedBy", deployment.reportedBy());
            fields.put("why", deployment.why());
            deployment.version().ifPresent(version -> fields.put("version", version));
            deployment.pipelineUrl().ifPresent(url -> fields.put("pipelineUrl", url));
            fields.put("at", deployment.at().toString());
        } else {
            var notPosted = (NoticeFacts.ChangeNotPosted) facts;
            kind = CHANGE_NOT_POSTED;
            fields.put("channelId", notPosted.channelId());
            fields.put("problem", notPosted.problem());
        }
        try {
            return new Stored(kind, json.writeValueAsString(fields));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    NoticeFacts read(Stored stored) {
        Map<String, Object> fields;
        try {
            fields = json.readValue(stored.json(), Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return switch (stored.kind()) {
            case SOAK_COMPLETED -> new NoticeFacts.SoakCompleted(text(fields, "environment"),
                    Optional.ofNullable((Map<String, Object>) fields.get("next")).map(NoticeFactsJson::nextFromJson),
                    (List<String>) fields.getOrDefault("awaiting", List.of()));
            case APPROVAL_REMINDER -> new NoticeFacts.ApprovalReminder(text(fields, "title"), text(fields, "step"));
            case APPROVAL_ESCALATION -> new NoticeFacts.ApprovalEscalation(text(fields, "title"), text(fields, "step"),
                    text(fields, "requesterId"));
            case FOLLOW_UP_REMINDER -> new NoticeFacts.FollowUpReminder(text(fields, "title"), text(fields, "followUp"),
                    text(fields, "label"), Instant.parse(text(fields, "dueAt")));
            case FOLLOW_UP_OVERDUE -> new NoticeFacts.FollowUpOverdue(text(fields, "title"), text(fields, "followUp"),
                    text(fields, "label"), Instant.parse(text(fields, "dueAt")));
            case FOLLOW_UPS_OWED -> new NoticeFacts.FollowUpsOwed(text(fields, "title"), text(fields, "after"),
                    ((java.util.List<Map<String, Object>>) fields.get("owed")).stream()
                            .map(o -> new NoticeFacts.OwedLine(text(o, "followUp"), text(o, "label"),
                                    Instant.parse(text(o, "dueAt")))).toList());
            case ISSUE_REPORTED -> new NoticeFacts.IssueReported(text(fields, "title"), text(fields, "reporterId"),
                    text(fields, "summary"));
            case INCIDENT_FREEZE -> new NoticeFacts.IncidentFreeze(text(fields, "ref"), text(fields, "headline"),
                    text(fields, "services"), text(fields, "source"), (List<String>) fields.getOrDefault("links", List.of()),
                    Boolean.TRUE.equals(fields.get("reopened")));
            case INCIDENT_THAW -> new NoticeFacts.IncidentThaw(text(fields, "ref"), text(fields, "headline"),
                    text(fields, "services"), (List<String>) fields.getOrDefault("waiting", List.of()));
            case PLANNED_OVER -> new NoticeFacts.PlannedOver(lineFromJson((Map<String, Object>) fields.get("by")));
            case PLANNED_OVER_OTHERS -> new NoticeFacts.PlannedOverOthers(((List<Map<String, Object>>) fields.get("others"))
                    .stream().map(NoticeFactsJson::lineFromJson).toList(), ((Number) fields.get("more")).intValue());
            case CHANGE_NOT_POSTED -> new NoticeFacts.ChangeNotPosted(text(fields, "channelId"), text(fields, "problem"));
            case UNAUTHORIZED_DEPLOYMENT -> new NoticeFacts.UnauthorizedDeployment(text(fields, "where"),
                    text(fields, "reportedBy"), text(fields, "why"), Optional.ofNullable((String) fields.get("version")),
                    Optional.ofNullable((String) fields.get("pipelineUrl")), Instant.parse(text(fields, "at")));
            default -> throw new IllegalStateException("Unknown kind of notice: " + stored.kind());
        };
    }

    private static void followUp(Map<String, Object> fields, String title, String name, String label, Instant dueAt) {
        fields.put("title", title);
        fields.put("followUp", name);
        fields.put("label", label);
        fields.put("dueAt", dueAt.toString());
    }

    private static Map<String, Object> lineToJson(NoticeFacts.ConflictLine line) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("change", line.change());
        fields.put("owner", line.owner());
        fields.put("start", line.start().toString());
        fields.put("end", line.end().toString());
        fields.put("where", line.where());
        fields.put("kinds", line.kinds());
        return fields;
    }

    @SuppressWarnings("unchecked")
    private static NoticeFacts.ConflictLine lineFromJson(Map<String, Object> fields) {
        return new NoticeFacts.ConflictLine(text(fields, "change"), text(fields, "owner"),
                Instant.parse(text(fields, "start")), Instant.parse(text(fields, "end")), text(fields, "where"),
                (List<String>) fields.getOrDefault("kinds", List.of()));
    }

    private static Map<String, Object> nextToJson(DeploymentPlan.NextDeployment next) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("environment", next.environment());
        next.percent().ifPresent(percent -> fields.put("percent", percent));
        return fields;
    }

    private static DeploymentPlan.NextDeployment nextFromJson(Map<String, Object> fields) {
        var percent = (Number) fields.get("percent");
        return new DeploymentPlan.NextDeployment(text(fields, "environment"),
                percent == null ? OptionalInt.empty() : OptionalInt.of(percent.intValue()));
    }

    private static String text(Map<String, Object> fields, String name) {
        var value = fields.get(name);
        if (value == null) {
            throw new IllegalStateException("A stored notice lacks its " + name);
        }
        return (String) value;
    }
}
