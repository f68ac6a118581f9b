package dev.changebot.domain.policy;

import java.util.Set;

/** A named role and who holds it: members of Slack user groups and/or listed users. */
public record Role(String name, String label, Set<String> userGroups, Set<String> users) {

    public Role {
        userGroups = Set.copyOf(userGroups);
        users = Set.copyOf(users);
    }
}
