package dev.changebot.application;

import dev.changebot.application.port.RoleDirectory;
import java.util.Set;

/** A directory in which nobody holds any role: for use cases whose outcome must not depend on roles. */
public class NobodyHoldsRoles implements RoleDirectory {

    @Override
    public Set<String> rolesOf(String workspaceId, String userId) {
        return Set.of();
    }

    @Override
    public Set<String> membersOf(String workspaceId, String role) {
        return Set.of();
    }
}
