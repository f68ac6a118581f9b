package dev.changebot.domain.incident;

/** Which tool told Changebot about an incident; {@link #SLACK} is `/change incident start` for teams without one. */
public enum IncidentSource {
    PAGERDUTY("PagerDuty"), INCIDENT_IO("incident.io"), WEBHOOK("webhook"), SLACK("Slack");

    private final String label;

    IncidentSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
