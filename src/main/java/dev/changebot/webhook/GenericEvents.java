package dev.changebot.webhook;

import com.google.gson.JsonObject;
import dev.changebot.domain.incident.IncidentReport;
import dev.changebot.domain.incident.IncidentSource;
import dev.changebot.domain.incident.IncidentStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The generic incident webhook's body (docs/incidents.md): {@code event_id} (unique per delivery),
 * {@code incident_id}, {@code status} (triggered, acknowledged, resolved), and optionally
 * {@code title}, {@code severity}, {@code services} (a list of names), {@code url}, {@code occurred_at}.
 */
final class GenericEvents {

    private GenericEvents() {
    }

    static WebhookEvent read(JsonObject payload, Instant receivedAt) {
        var eventId = Json.text(payload, "event_id");
        var key = Json.text(payload, "incident_id");
        if (eventId.isEmpty() || key.isEmpty()) {
            return WebhookEvent.malformed("event_id and incident_id are required");
        }
        var statusText = Json.text(payload, "status");
        Optional<IncidentStatus> status = Optional.empty();
        if (statusText.isPresent()) {
            try {
                status = Optional.of(IncidentStatus.valueOf(statusText.get().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                return WebhookEvent.malformed("status must be triggered, acknowledged or resolved, not '"
                        + Json.clip(statusText.get(), 40) + "'");
            }
        }
        var services = new ArrayList<List<String>>();
        var list = payload.get("services");
        if (list != null && list.isJsonArray()) {
            list.getAsJsonArray().forEach(item -> Json.primitive(item).filter(s -> !s.isBlank())
                    .ifPresent(name -> services.add(List.of(Json.clip(name, 200)))));
        } else if (list != null) {
            return WebhookEvent.malformed("services must be a list of names");
        }
        var occurredText = Json.text(payload, "occurred_at");
        var occurred = Json.instant(payload, "occurred_at");
        if (occurredText.isPresent() && occurred.isEmpty()) {
            return WebhookEvent.malformed("occurred_at must be an ISO-8601 UTC time like 2026-03-10T12:00:00Z");
        }
        var report = new IncidentReport(IncidentSource.WEBHOOK, Json.clip(key.get(), 200),
                Json.text(payload, "title").map(t -> Json.clip(t, 200)),
                Json.text(payload, "severity").map(s -> Json.clip(s, 40)), services, status,
                Json.text(payload, "url").map(List::of).orElse(List.of()), occurred.orElse(receivedAt));
        return WebhookEvent.of(Json.clip(eventId.get(), 200), report);
    }
}
