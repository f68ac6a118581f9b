package dev.changebot.application.port;

import dev.changebot.domain.gate.GateCheck;
import java.time.Instant;

/**
 * Told, in the deciding transaction, when a kept gate check's decision changes (it settles, or its
 * reasons change while it waits): whoever answers for the check elsewhere (GitHub) is told in the
 * same commit.
 */
public interface GateCheckWatchers {

    void changed(GateCheck check, Instant at);
}
