package dev.changebot.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Subscriptions to the iCal feed: the hash of each URL's token, who made it and which services it shows. */
public interface CalendarSubscriptions {

    void add(String workspaceId, String hash, List<String> services, String createdBy, Instant at);

    /** Revokes every live subscription {@code userId} made in the workspace; how many there were. */
    int revokeAll(String workspaceId, String userId, Instant at);

    /** The live subscription with this hash; empty when there is none or it was revoked. */
    Optional<Subscription> findLive(String hash);

    /** A live subscription: its workspace and services (empty: all). */
    record Subscription(String workspaceId, List<String> services) {

        public Subscription {
            services = List.copyOf(services);
        }
    }
}
