package dev.changebot.application;

import dev.changebot.domain.change.Obligation;
import java.util.Optional;
import java.util.Set;

/** Tells people about an emergency's follow-up: a reminder before its deadline, an escalation once missed. */
public interface FollowUpNudges {

    void remind(ChangeView change, Obligation obligation, Set<String> people);

    void overdue(ChangeView change, Obligation obligation, Optional<String> channel, Set<String> people);
}
