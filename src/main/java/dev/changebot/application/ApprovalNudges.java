package dev.changebot.application;

import java.util.Optional;
import java.util.Set;

/** Nudging people about an approval step that waits: a private reminder, then an escalation. */
public interface ApprovalNudges {

    void remind(ChangeView change, Set<String> approvers);

    /** Posted in {@code channel} when the policy names one, else sent to {@code people} privately. */
    void escalate(ChangeView change, Optional<String> channel, Set<String> people);
}
