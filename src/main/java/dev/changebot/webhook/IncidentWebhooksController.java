package dev.changebot.webhook;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.changebot.application.incident.IncidentWorkspace;
import dev.changebot.application.incident.RecordIncidents;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/pagerduty}, {@code /webhooks/incident-io} and {@code /webhooks/incidents}: incidents
 * from PagerDuty (v3), incident.io (Standard Webhooks) and any other tool (docs/incidents.md). The
 * signature (and, where the scheme signs one, the timestamp) is checked on the raw bytes before
 * anything is read: 401, nothing kept. A followed event is recorded once per event id before the
 * answer (202); other event types are acknowledged (202, "ignored") and dropped. Without its secret a
 * route answers 503. Every refusal is JSON {@code {error, message}}, as {@code /github/webhook}'s.
 */
@Controller("/webhooks")
class IncidentWebhooksController {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentWebhooksController.class);

    private final IncidentWebhookSettings settings;
    private final RecordIncidents record;
    private final IncidentWorkspace workspace;
    private final Clock clock;

    IncidentWebhooksController(IncidentWebhookSettings settings, RecordIncidents record, IncidentWorkspace workspace,
                               Clock clock) {
        this.settings = settings;
        this.record = record;
        this.workspace = workspace;
        this.clock = clock;
    }

    @Post(value = "/pagerduty", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<String> pagerDuty(HttpRequest<?> request, @Nullable @Body byte[] body) {
        if (settings.pagerDutySecrets().isEmpty()) {
            return notConfigured("PagerDuty", "CHANGEBOT_PAGERDUTY_WEBHOOK_SECRETS");
        }
        var raw = body == null ? new byte[0] : body;
        if (!new PagerDutySignature(settings.pagerDutySecrets()).matches(raw, request.getHeaders().get("X-PagerDuty-Signature"))) {
            return refused("PagerDuty", "X-PagerDuty-Signature is missing or matches none of CHANGEBOT_PAGERDUTY_WEBHOOK_SECRETS");
        }
        return handle("PagerDuty", raw, payload -> {
            var event = PagerDutyEvents.read(payload, clock.instant());
            // PagerDuty signs no timestamp header: the signed occurred_at stands for it.
            var occurred = event.report().map(r -> r.occurredAt());
            if (occurred.isPresent() && occurred.get().isBefore(clock.instant().minus(REPLAY_WINDOW))) {
                return Optional.<WebhookEvent>empty();
            }
            return Optional.of(event);
        });
    }

    /** How old a PagerDuty event may be: PagerDuty retries a failed delivery for a while, never for a day. */
    static final java.time.Duration REPLAY_WINDOW = java.time.Duration.ofHours(24);

    @Post(value = "/incident-io", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<String> incidentIo(HttpRequest<?> request, @Nullable @Body byte[] body) {
        if (settings.incidentIoSecret().isEmpty()) {
            return notConfigured("incident.io", "CHANGEBOT_INCIDENTIO_WEBHOOK_SECRET");
        }
        var raw = body == null ? new byte[0] : body;
        var headers = request.getHeaders();
        var id = headers.get("webhook-id");
        var problem = new StandardWebhookSignature(settings.incidentIoSecret().get()).problem(id,
                headers.get("webhook-timestamp"), headers.get("webhook-signature"), raw, clock.instant(), settings.tolerance());
        if (problem.isPresent()) {
            return refused("incident.io", problem.get());
        }
        return handle("incident.io", raw, payload -> Optional.of(IncidentIoEvents.read(payload, id, clock.instant())));
    }

    @Post(value = "/incidents", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<String> generic(HttpRequest<?> request, @Nullable @Body byte[] body) {
        if (settings.genericSecret().isEmpty()) {
            return notConfigured("Generic incident", "CHANGEBOT_INCIDENT_WEBHOOK_SECRET");
        }
        var raw = body == null ? new byte[0] : body;
        var headers = request.getHeaders();
        var problem = new GenericSignature(settings.genericSecret().get()).problem(headers.get(GenericSignature.TIMESTAMP),
                headers.get(GenericSignature.SIGNATURE), raw, clock.instant(), settings.tolerance());
        if (problem.isPresent()) {
            return refused("incident webhook", problem.get());
        }
        return handle("incident webhook", raw, payload -> Optional.of(GenericEvents.read(payload, clock.instant())));
    }

    /** @param read the event, or empty for a genuine delivery too old to be anything but a replay */
    private HttpResponse<String> handle(String source, byte[] raw, Function<JsonObject, Optional<WebhookEvent>> read) {
        JsonObject payload;
        try {
            var json = JsonParser.parseString(new String(raw, StandardCharsets.UTF_8));
            if (!json.isJsonObject()) {
                return error(HttpStatus.BAD_REQUEST, "malformed", "The payload is not a JSON object.");
            }
            payload = json.getAsJsonObject();
        } catch (RuntimeException e) {
            return error(HttpStatus.BAD_REQUEST, "malformed", "The payload is not valid JSON.");
        }
        var maybe = read.apply(payload);
        if (maybe.isEmpty()) {
            LOG.warn("Refused a {} delivery older than {}: a replay", source, REPLAY_WINDOW);
            return error(HttpStatus.UNAUTHORIZED, "replayed", "The event is too old to be a delivery: refused as a replay.");
        }
        var event = maybe.get();
        if (event.problem().isPresent()) {
            LOG.warn("Refused a {} delivery: {}", source, event.problem().get());
            return error(HttpStatus.BAD_REQUEST, "malformed", "The payload is unusable: " + event.problem().get() + ".");
        }
        if (event.ignored().isPresent()) {
            return received("ignored", event.ignored().get());
        }
        var target = workspace.workspace();
        if (target.isEmpty()) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, "no_workspace",
                    "The Slack workspace of these incidents is not known: set CHANGEBOT_INCIDENT_WORKSPACE.");
        }
        try {
            var outcome = record.reported(target.get(), event.eventId().orElseThrow(), event.report().orElseThrow(),
                    event.report().get().source().name().toLowerCase(java.util.Locale.ROOT), event.channel());
            if (outcome instanceof RecordIncidents.Recorded recorded) {
                var answer = new JsonObject();
                answer.addProperty("received", recorded.created() ? "new" : "update");
                answer.addProperty("incident", recorded.incident().ref());
                answer.addProperty("status", recorded.incident().status().word());
                return accepted(answer);
            }
            return received("redelivery", null);
        } catch (RuntimeException e) {
            LOG.warn("Could not record a {} delivery", source, e);
            return error(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                    "Changebot could not record this event now; the sender should retry.");
        }
    }

    private static HttpResponse<String> notConfigured(String what, String variable) {
        return error(HttpStatus.SERVICE_UNAVAILABLE, "not_configured", what + " webhooks are not configured: set " + variable + ".");
    }

    private static HttpResponse<String> refused(String source, String why) {
        LOG.warn("Refused a {} webhook: {}", source, why);
        return error(HttpStatus.UNAUTHORIZED, "bad_signature", why + ".");
    }

    private static HttpResponse<String> received(String what, String why) {
        var answer = new JsonObject();
        answer.addProperty("received", what);
        if (why != null) {
            answer.addProperty("why", why);
        }
        return accepted(answer);
    }

    private static HttpResponse<String> accepted(JsonObject answer) {
        return HttpResponse.<String>status(HttpStatus.ACCEPTED).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(answer.toString());
    }

    private static HttpResponse<String> error(HttpStatus status, String code, String message) {
        var body = new JsonObject();
        body.addProperty("error", code);
        body.addProperty("message", message);
        return HttpResponse.<String>status(status).contentType(MediaType.APPLICATION_JSON_TYPE).body(body.toString());
    }
}
