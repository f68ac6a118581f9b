package dev.changebot.domain.evidence;

import static dev.changebot.domain.evidence.Texts.list;
import static dev.changebot.domain.evidence.Texts.time;

import java.util.List;

/**
 * incidents.csv: every incident open at any time in the period, by INC-n, with the changes linked
 * to it, so an auditor sees which changes were made to fix an incident and which caused one.
 */
final class IncidentsCsv {

    static final List<String> HEADER = List.of("id", "source", "provider_id", "title", "severity", "severity_sent",
            "services", "status", "triggered_at", "acknowledged_at", "resolved_at", "reopened_at", "links",
            "remediation_changes", "cause_changes");

    private IncidentsCsv() {
    }

    static byte[] of(List<IncidentRecord> incidents) {
        var csv = new Csv(HEADER);
        for (var incident : incidents) {
            csv.row(List.of("INC-" + incident.number(), incident.source(), incident.providerId(), incident.title(),
                    incident.severity(), incident.severitySent(),
                    incident.allServices() ? "all services" : list(incident.services()), incident.status(),
                    time(incident.triggeredAt()), time(incident.acknowledgedAt()), time(incident.resolvedAt()),
                    time(incident.reopenedAt()), list(incident.links()), changes(incident.remediations()),
                    changes(incident.causes())));
        }
        return csv.bytes();
    }

    private static String changes(List<Long> numbers) {
        return list(numbers.stream().map(n -> "CHG-" + n).toList());
    }
}
