package dev.changebot.domain.policy;

import dev.changebot.domain.calendar.TimeSpan;
import java.util.Set;

/**
 * An incident as the calendar sees it: its severity in the policy's names, the services it
 * affects ({@code allServices}: every one), and the span it freezes — from when it opened until
 * it was resolved plus the policy's cool-down, or far into the future while it is open.
 *
 * @param headline how a person reads it in a reason: "INC-3 SEV2 Payments down"
 */
public record IncidentSpan(String ref, String severity, Set<String> services, boolean allServices, TimeSpan span,
                           String headline) {

    public IncidentSpan {
        services = Set.copyOf(services);
    }

    /** Whether a change going to {@code target} is on a service this incident affects; not knowing the service, it is. */
    public boolean affects(DeploymentTarget target) {
        return allServices || target.service().map(services::contains).orElse(true);
    }
}
