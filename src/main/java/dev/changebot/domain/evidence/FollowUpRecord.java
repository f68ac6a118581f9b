package dev.changebot.domain.evidence;

import java.time.Instant;
import java.util.Optional;

/** A follow-up an emergency owed: its deadline and, when met, by whom and when. */
public record FollowUpRecord(String name, Instant dueAt, Optional<String> satisfiedBy, Optional<Instant> satisfiedAt) {

    public boolean late() {
        return satisfiedAt.map(at -> at.isAfter(dueAt)).orElse(false);
    }

    /** Not met and past its deadline at {@code now}. */
    public boolean missing(Instant now) {
        return satisfiedAt.isEmpty() && now.isAfter(dueAt);
    }
}
