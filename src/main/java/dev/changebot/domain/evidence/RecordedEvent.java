package dev.changebot.domain.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One row of a change's audit trail as the evidence reads it: its type, who, when, and the
 * details' text members ({@code details}) and list members ({@code lists}).
 */
public record RecordedEvent(String type, String actorId, Instant at, Map<String, String> details,
                            Map<String, List<String>> lists) {

    public RecordedEvent {
        details = Map.copyOf(details);
        lists = Map.copyOf(lists);
    }

    public Optional<String> detail(String name) {
        return Optional.ofNullable(details.get(name)).filter(s -> !s.isEmpty());
    }

    /** A list member; empty when the row does not have it (older rows). */
    public Optional<List<String>> list(String name) {
        return Optional.ofNullable(lists.get(name));
    }

    public boolean is(String typeName) {
        return type.equals(typeName);
    }
}
