package dev.changebot.webhook;

import com.google.gson.JsonObject;
import dev.changebot.domain.incident.IncidentReport;
import dev.changebot.domain.incident.IncidentSource;
import dev.changebot.domain.incident.IncidentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A PagerDuty v3 webhook payload as PagerDuty documents it: {@code {"event": {"id", "event_type",
 * "resource_type", "occurred_at", "data": {incident}}}}, the incident with {@code id}, {@code title},
 * {@code status}, {@code html_url}, {@code service: {id, summary}}, {@code priority: {summary} | null}.
 * The severity is the priority's name (P1…), else the urgency (high, low). {@code incident.reopened}
 * ("Sent when an incident is reopened", docs/webhooks/01-Overview.md) makes a resolved incident open again.
 */
final class PagerDutyEvents {

    private static final String REOPENED = "incident.reopened";
    private static final Map<String, Optional<IncidentStatus>> FOLLOWED = Map.of(
            "incident.triggered", Optional.of(IncidentStatus.TRIGGERED),
            "incident.acknowledged", Optional.of(IncidentStatus.ACKNOWLEDGED),
            "incident.resolved", Optional.of(IncidentStatus.RESOLVED),
            REOPENED, Optional.of(IncidentStatus.TRIGGERED),
            "incident.priority_updated", Optional.empty());

    private PagerDutyEvents() {
    }

    static WebhookEvent read(JsonObject payload, Instant receivedAt) {
        var event = Json.object(payload, "event");
        if (event.isEmpty()) {
            return WebhookEvent.malformed("no event object");
        }
        var type = Json.text(event.get(), "event_type").orElse("");
        if (!FOLLOWED.containsKey(type)) {
            return WebhookEvent.ignore("event type '" + Json.clip(type, 60) + "' is not followed");
        }
        var id = Json.text(event.get(), "id");
        var incident = Json.object(event.get(), "data");
        var key = incident.flatMap(i -> Json.text(i, "id"));
        if (id.isEmpty() || key.isEmpty()) {
            return WebhookEvent.malformed("event.id or event.data.id is missing");
        }
        var data = incident.get();
        var service = Json.object(data, "service");
        var names = service.map(s -> java.util.stream.Stream.of(Json.text(s, "id"), Json.text(s, "summary"))
                .flatMap(Optional::stream).toList()).orElse(List.of());
        var severity = Json.object(data, "priority").flatMap(p -> Json.text(p, "summary"))
                .or(() -> Json.text(data, "urgency"));
        var links = Json.text(data, "html_url").map(List::of).orElse(List.of());
        var report = new IncidentReport(IncidentSource.PAGERDUTY, Json.clip(key.get(), 200),
                Json.text(data, "title").map(t -> Json.clip(t, 200)), severity.map(s -> Json.clip(s, 40)),
                names.isEmpty() ? List.of() : List.of(names), FOLLOWED.get(type), links,
                Json.instant(event.get(), "occurred_at").orElse(receivedAt), REOPENED.equals(type));
        return WebhookEvent.of(Json.clip(id.get(), 200), report);
    }
}
