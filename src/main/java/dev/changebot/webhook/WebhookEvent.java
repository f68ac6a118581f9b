package dev.changebot.webhook;

import dev.changebot.domain.incident.IncidentReport;
import java.util.Optional;

/**
 * One delivery from an incident tool, read: its event id (the idempotency key) and the report it
 * makes, or why it makes none (an event type Changebot does not follow: acknowledged and ignored),
 * or why it could not be read (400).
 */
record WebhookEvent(Optional<String> eventId, Optional<IncidentReport> report, Optional<String> ignored,
                    Optional<String> problem, Optional<String> channel) {

    static WebhookEvent of(String eventId, IncidentReport report) {
        return new WebhookEvent(Optional.of(eventId), Optional.of(report), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** With the Slack channel the tool works the incident in: an emergency declared there is linked to it. */
    WebhookEvent inChannel(Optional<String> channel) {
        return new WebhookEvent(eventId, report, ignored, problem, channel);
    }

    static WebhookEvent ignore(String why) {
        return new WebhookEvent(Optional.empty(), Optional.empty(), Optional.of(why), Optional.empty(), Optional.empty());
    }

    static WebhookEvent malformed(String problem) {
        return new WebhookEvent(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(problem), Optional.empty());
    }
}
