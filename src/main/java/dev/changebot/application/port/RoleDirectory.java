package dev.changebot.application.port;

import java.util.Set;

/**
 * Which of the policy's roles a person holds right now: from the policy's user lists and the
 * chat platform's user groups. Asked at the moment someone acts, never trusted from a message.
 */
public interface RoleDirectory {

    Set<String> rolesOf(String workspaceId, String userId);

    /** Everyone holding the role now: to remind them, or to escalate to them. */
    Set<String> membersOf(String workspaceId, String role);
}
