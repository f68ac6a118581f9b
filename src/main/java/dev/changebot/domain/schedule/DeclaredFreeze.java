package dev.changebot.domain.schedule;

import java.time.Instant;
import java.util.Optional;

/** A freeze declared in chat, as the calendar is handed it: why, by whom, from when until when (or until lifted). */
public record DeclaredFreeze(String reason, String declaredBy, Instant startsAt, Optional<Instant> endsAt) {
}
