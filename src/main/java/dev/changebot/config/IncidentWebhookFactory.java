package dev.changebot.config;

import dev.changebot.application.incident.IncidentWorkspace;
import dev.changebot.webhook.IncidentWebhookSettings;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.Optional;

/**
 * The incident webhooks (docs/incidents.md): CHANGEBOT_PAGERDUTY_WEBHOOK_SECRETS,
 * CHANGEBOT_INCIDENTIO_WEBHOOK_SECRET, CHANGEBOT_INCIDENT_WEBHOOK_SECRET, and the workspace they are
 * about, CHANGEBOT_INCIDENT_WORKSPACE (else the database's only one).
 */
@Factory
class IncidentWebhookFactory {

    @Singleton
    IncidentWebhookSettings incidentWebhookSettings(
            @Nullable @Value("${changebot.pagerduty.webhook-secrets:}") String pagerDuty,
            @Nullable @Value("${changebot.incidentio.webhook-secret:}") String incidentIo,
            @Nullable @Value("${changebot.incident.webhook-secret:}") String generic) {
        var pagerDutySecrets = pagerDuty == null ? java.util.List.<String>of()
                : Arrays.stream(pagerDuty.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new IncidentWebhookSettings(pagerDutySecrets, present(incidentIo), present(generic),
                IncidentWebhookSettings.DEFAULT_TOLERANCE);
    }

    @Singleton
    IncidentWorkspace.IncidentWebhookWorkspace incidentWebhookWorkspace(
            @Nullable @Value("${changebot.incident.workspace:}") String workspace) {
        return new IncidentWorkspace.IncidentWebhookWorkspace(present(workspace));
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }
}
