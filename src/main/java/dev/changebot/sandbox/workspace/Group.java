package dev.changebot.sandbox.workspace;

import java.util.List;

/** A Slack user group: the policy's roles name these by handle. */
public record Group(String id, String handle, String name, List<String> users) {

    public Group {
        users = List.copyOf(users);
    }
}
