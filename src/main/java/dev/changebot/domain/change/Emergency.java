package dev.changebot.domain.change;

import java.util.Optional;

/**
 * What makes a change an emergency: its incident commander and the incident's severity. What it
 * owes afterwards is the change's follow-ups ({@link Change#obligations}), as for any change.
 */
public record Emergency(String incidentCommander, Optional<String> severity) {
}
