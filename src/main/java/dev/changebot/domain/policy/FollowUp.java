package dev.changebot.domain.policy;

import dev.changebot.domain.calendar.Notice;
import java.util.List;
import java.util.Set;

/**
 * Something owed after a change, typically an emergency: a post-hoc review within 24 h, an
 * incident report, a retroactive second approval, a backfilled PR review in 2 business days.
 * {@code roles} empty means anyone may satisfy it; {@code notDeclarer} keeps the declarer from
 * reviewing their own emergency. {@code asks} are the questions the satisfying form puts.
 */
public record FollowUp(String name, String label, Notice within, Set<String> roles, boolean notDeclarer,
                       List<String> asks) {

    public FollowUp {
        roles = Set.copyOf(roles);
        asks = List.copyOf(asks);
    }
}
