package dev.changebot.slack.connection;

import com.slack.api.methods.MethodsClient;
import com.slack.api.model.Usergroup;
import dev.changebot.application.port.RoleDirectory;
import dev.changebot.domain.policy.Policy;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Role membership from the policy's user lists and Slack user groups. One
 * {@code usergroups.list?include_users=true} call answers every group at once; its answer is kept
 * for a minute, because the method is Tier 2 (about 20 calls a minute) and approvals come in bursts.
 * Once the minute is over, the answer is refreshed off the request path: requests keep using it
 * (for at most {@link #STALE_FOR} more) while one refresh runs on a thread of its own, so no click
 * waits on Slack and no burst queues behind the one request that would otherwise fetch. Only the
 * first lookup, one after a failed fetch, or one after a long quiet spell fetches inline.
 */
@Singleton
class SlackRoleDirectory implements RoleDirectory {

    static final Duration FRESH_FOR = Duration.ofMinutes(1);
    /** How much longer than {@link #FRESH_FOR} an answer may be used while its refresh runs. */
    static final Duration STALE_FOR = Duration.ofMinutes(1);
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(SlackRoleDirectory.class);

    private final Policy policy;
    private final SlackWebApi webApi;
    private final Clock clock;
    private volatile Groups cached;
    /** One refresh at a time, on a daemon thread of its own: the only work this class does off a request. */
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final ExecutorService refresher;

    @Inject
    SlackRoleDirectory(Policy policy, SlackWebApi webApi, Clock clock) {
        this(policy, webApi, clock, Executors.newSingleThreadExecutor(task -> {
            var thread = new Thread(task, "role-refresh");
            thread.setDaemon(true);
            return thread;
        }));
    }

    /** With the executor the background refresh runs on: tests pass one they run by hand. */
    SlackRoleDirectory(Policy policy, SlackWebApi webApi, Clock clock, ExecutorService refresher) {
        this.policy = policy;
        this.webApi = webApi;
        this.clock = clock;
        this.refresher = refresher;
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
        if (current != null && current.fetched() && current.freshUntil().plus(STALE_FOR).isAfter(now)) {
            refreshInBackground();
            return current.membersByHandle();
        }
        synchronized (this) {
            if (cached != null && cached.freshUntil().isAfter(now)) {
                return cached.membersByHandle();
            }
            return refresh(now).membersByHandle();
        }
    }

    private void refreshInBackground() {
        if (!refreshing.compareAndSet(false, true)) {
            return;
        }
        try {
            refresher.execute(() -> {
                try {
                    synchronized (this) {
                        var now = clock.instant();
                        if (cached == null || !cached.freshUntil().isAfter(now)) {
                            refresh(now);
                        }
                    }
                } finally {
                    refreshing.set(false);
                }
            });
        } catch (RejectedExecutionException closing) {
            refreshing.set(false);
        }
    }

    /** Fetches the groups now; holds the monitor. */
    private Groups refresh(Instant now) {
        var fetched = webApi.client().flatMap(this::fetch);
        // A failed lookup is retried soon rather than trusted for a whole minute.
        cached = new Groups(fetched.orElse(Map.of()), now.plus(fetched.isPresent() ? FRESH_FOR : RETRY_AFTER),
                fetched.isPresent());
        return cached;
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

    @PreDestroy
    void close() {
        refresher.shutdownNow();
    }

    /** Group handle → member ids, trusted until {@code freshUntil}; {@code fetched} unless the lookup failed. */
    private record Groups(Map<String, Set<String>> membersByHandle, Instant freshUntil, boolean fetched) {
    }
}
