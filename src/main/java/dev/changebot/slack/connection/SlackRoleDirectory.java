package dev.changebot.slack.connection;

import com.slack.api.methods.MethodsClient;
import com.slack.api.model.Usergroup;
import dev.changebot.application.port.RoleDirectory;
import dev.changebot.domain.policy.Policy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Role membership from the policy's user lists and Slack user groups. One
 * {@code usergroups.list?include_users=true} call answers every group at once; its answer is kept
 * for a minute, because the method is Tier 2 (about 20 calls a minute) and approvals come in bursts.
 */
@Singleton
class SlackRoleDirectory implements RoleDirectory {

    static final Duration FRESH_FOR = Duration.ofMinutes(1);
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(SlackRoleDirectory.class);

    private final Policy policy;
    private final SlackWebApi webApi;
    private final Clock clock;
    private volatile Groups cached;

    SlackRoleDirectory(Policy policy, SlackWebApi webApi, Clock clock) {
        this.policy = policy;
        this.webApi = webApi;
        this.clock = clock;
    }

    @Override
    public Set<String> rolesOf(String workspaceId, String userId) {
        var roles = new LinkedHashSet<String>();
        Map<String, Set<String>> groups = null;
        for (var role : policy.roles().values()) {
            if (role.users().contains(userId)) {
                roles.add(role.name());
                continue;
            }
            if (!role.userGroups().isEmpty()) {
                groups = groups == null ? groupMembers() : groups;
                for (var handle : role.userGroups()) {
                    if (groups.getOrDefault(handle, Set.of()).contains(userId)) {
                        roles.add(role.name());
                    }
                }
            }
        }
        return roles;
    }

    @Override
    public Set<String> membersOf(String workspaceId, String roleName) {
        var role = policy.roles().get(roleName);
        if (role == null) {
            return Set.of();
        }
        var members = new LinkedHashSet<>(role.users());
        if (!role.userGroups().isEmpty()) {
            var groups = groupMembers();
            role.userGroups().forEach(handle -> members.addAll(groups.getOrDefault(handle, Set.of())));
        }
        return members;
    }

    private Map<String, Set<String>> groupMembers() {
        var current = cached;
        var now = clock.instant();
        if (current != null && current.freshUntil().isAfter(now)) {
            return current.membersByHandle();
        }
        synchronized (this) {
            if (cached != null && cached.freshUntil().isAfter(now)) {
                return cached.membersByHandle();
            }
            var fetched = webApi.client().flatMap(this::fetch);
            // A failed lookup is retried soon rather than trusted for a whole minute.
            cached = new Groups(fetched.orElse(Map.of()), now.plus(fetched.isPresent() ? FRESH_FOR : RETRY_AFTER));
            return cached.membersByHandle();
        }
    }

    private Optional<Map<String, Set<String>>> fetch(MethodsClient client) {
        try {
            var response = client.usergroupsList(r -> r.includeUsers(true));
            if (!response.isOk()) {
                LOG.warn("Slack refused usergroups.list: {}; group-based roles count as empty", response.getError());
                return Optional.empty();
            }
            var members = new HashMap<String, Set<String>>();
            for (Usergroup group : response.getUsergroups()) {
                members.put(group.getHandle(), Set.copyOf(group.getUsers() == null ? Set.of() : group.getUsers()));
            }
            return Optional.of(members);
        } catch (Exception e) {
            LOG.warn("Could not read Slack user groups; group-based roles count as empty", e);
            return Optional.empty();
        }
    }

    /** Group handle → member ids, trusted until {@code freshUntil}. */
    private record Groups(Map<String, Set<String>> membersByHandle, Instant freshUntil) {
    }
}
