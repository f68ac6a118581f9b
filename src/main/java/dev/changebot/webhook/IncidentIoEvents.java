package dev.changebot.webhook;

import com.google.gson.JsonObject;
import dev.changebot.domain.incident.IncidentReport;
import dev.changebot.domain.incident.IncidentSource;
import dev.changebot.domain.incident.IncidentStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An incident.io webhook as incident.io documents it: {@code {"event_type": "public_incident.incident_created_v2",
 * "public_incident.incident_created_v2": {incident}}} (also {@code incident_updated_v2} and
 * {@code incident_status_updated_v2}, public or private); the incident with {@code id}, {@code name},
 * {@code permalink}, {@code severity: {name}}, {@code incident_status: {category}} and
 * {@code custom_field_entries}, where a field whose name mentions "service" lists the affected
 * services (catalog entries, options or text), and {@code slack_channel_id}, the incident's channel. Status categories: triage and live are open
 * (triggered, acknowledged); learning, closed, declined, merged and canceled end the incident.
 */
final class IncidentIoEvents {

    private static final Set<String> FOLLOWED = Set.of("incident_created_v2", "incident_updated_v2",
            "incident_status_updated_v2");

    private IncidentIoEvents() {
    }

    static WebhookEvent read(JsonObject payload, String webhookId, Instant receivedAt) {
        var type = Json.text(payload, "event_type").orElse("");
        var kind = type.replaceFirst("^(public|private)_incident\\.", "");
        if (!type.contains("incident.") || !FOLLOWED.contains(kind)) {
            return WebhookEvent.ignore("event type '" + Json.clip(type, 80) + "' is not followed");
        }
        var body = Json.object(payload, type);
        // A status update carries the incident under "incident", next to the old and new statuses.
        var incident = body.flatMap(b -> Json.object(b, "incident")).or(() -> body);
        var key = incident.flatMap(i -> Json.text(i, "id"));
        if (key.isEmpty()) {
            return WebhookEvent.malformed("the incident's id is missing");
        }
        var data = incident.get();
        var status = Json.object(data, "incident_status").flatMap(s -> Json.text(s, "category"))
                .or(() -> body.flatMap(b -> Json.object(b, "new_status")).flatMap(s -> Json.text(s, "category")))
                .flatMap(IncidentIoEvents::status);
        var report = new IncidentReport(IncidentSource.INCIDENT_IO, Json.clip(key.get(), 200),
                Json.text(data, "name").map(n -> Json.clip(n, 200)),
                Json.object(data, "severity").flatMap(s -> Json.text(s, "name")).map(s -> Json.clip(s, 40)),
                services(data), status, Json.text(data, "permalink").map(List::of).orElse(List.of()),
                Json.instant(data, "updated_at").orElse(receivedAt));
        var channel = Json.text(data, "slack_channel_id").filter(id -> id.matches("[CG][A-Z0-9]{6,30}"));
        return WebhookEvent.of(Json.clip(webhookId, 200), report).inChannel(channel);
    }

    private static Optional<IncidentStatus> status(String category) {
        return switch (category) {
            case "triage" -> Optional.of(IncidentStatus.TRIGGERED);
            case "live", "active" -> Optional.of(IncidentStatus.ACKNOWLEDGED);
            case "learning", "post-incident", "closed", "declined", "merged", "canceled" ->
                    Optional.of(IncidentStatus.RESOLVED);
            default -> Optional.empty();
        };
    }

    private static List<List<String>> services(JsonObject incident) {
        var services = new ArrayList<List<String>>();
        var entries = incident.get("custom_field_entries");
        if (entries == null || !entries.isJsonArray()) {
            return services;
        }
        for (var entry : entries.getAsJsonArray()) {
            if (!entry.isJsonObject()) {
                continue;
            }
            var field = Json.object(entry.getAsJsonObject(), "custom_field").flatMap(f -> Json.text(f, "name")).orElse("");
            var values = entry.getAsJsonObject().get("values");
            if (!field.toLowerCase(java.util.Locale.ROOT).contains("service") || values == null || !values.isJsonArray()) {
                continue;
            }
            for (var value : values.getAsJsonArray()) {
                if (!value.isJsonObject()) {
                    continue;
                }
                var v = value.getAsJsonObject();
                var names = new ArrayList<String>();
                Json.object(v, "value_catalog_entry").ifPresent(c -> {
                    Json.text(c, "name").ifPresent(names::add);
                    Json.text(c, "external_id").ifPresent(names::add);
                    Json.text(c, "id").ifPresent(names::add);
                });
                Json.object(v, "value_option").flatMap(o -> Json.text(o, "value")).ifPresent(names::add);
                Json.text(v, "value_text").ifPresent(names::add);
                if (!names.isEmpty()) {
                    services.add(names);
                }
            }
        }
        return services;
    }
}
