package dev.changebot.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Freezes people declared in chat; the calendar reads them through {@link CalendarStates}. */
public interface DeclaredFreezes {

    void declare(String workspaceId, String reason, String declaredBy, Instant startsAt, Optional<Instant> endsAt);

    /** Lifts every freeze in force; how many there were. */
    int liftAll(String workspaceId, String liftedBy, Instant at);

    List<Declared> inForceOrComing(String workspaceId, Instant now);

    /** One declared freeze, as shown to people. */
    record Declared(String reason, String declaredBy, Instant startsAt, Optional<Instant> endsAt) {
    }
}
