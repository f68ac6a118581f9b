package dev.changebot.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The incident webhooks' secrets: {@code CHANGEBOT_PAGERDUTY_WEBHOOK_SECRETS} (comma-separated, for a
 * rotation), {@code CHANGEBOT_INCIDENTIO_WEBHOOK_SECRET}, {@code CHANGEBOT_INCIDENT_WEBHOOK_SECRET};
 * a route without its secret answers 503. {@code tolerance}: how far a signed timestamp may be from now.
 */
public record IncidentWebhookSettings(List<String> pagerDutySecrets, Optional<String> incidentIoSecret,
                                      Optional<String> genericSecret, Duration tolerance) {

    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    public IncidentWebhookSettings {
        pagerDutySecrets = List.copyOf(pagerDutySecrets);
    }
}
