package dev.changebot.domain.incident;

/**
 * Where an incident stands. The order matters: a report never moves an incident back, so a
 * "triggered" delivered after "resolved" (providers retry out of order) leaves it resolved.
 */
public enum IncidentStatus {
    TRIGGERED, ACKNOWLEDGED, RESOLVED;

    public boolean open() {
        return this != RESOLVED;
    }

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
