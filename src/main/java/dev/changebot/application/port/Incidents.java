package dev.changebot.application.port;

import dev.changebot.domain.incident.Incident;
import dev.changebot.domain.incident.IncidentSource;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Incidents as recorded, their providers' deliveries, and the changes linked to them. Each call runs in the caller's transaction. */
public interface Incidents extends IncidentFreezes {

    /** What a change is to an incident: the fix for it, or its cause. */
    enum Link { REMEDIATION, CAUSE }

    /**
     * Claims a provider's delivery (its event id): true the first time, false for a redelivery or the
     * same delivery already taken by another node (which then waits for that node's transaction).
     */
    boolean claimDelivery(String workspaceId, IncidentSource source, String eventId, Instant at);

    /** The incident a provider knows by {@code externalKey}, locked for the rest of the transaction. */
    Optional<Incident> lockedByKey(String workspaceId, IncidentSource source, String externalKey);

    Optional<Incident> byNumber(String workspaceId, long number);

    /** The next INC-n of the workspace; holds the workspace's incident lock until the transaction ends. */
    long nextNumber(String workspaceId);

    /** Inserts or updates the incident (by workspace and number). */
    void save(String workspaceId, Incident incident);

    /** A resolved incident is open again: its banner and its digest are to be posted again. */
    void reopened(String workspaceId, long number);

    /** Marks the banner posted; false when it already was (by this node or another). */
    boolean markBanner(String workspaceId, long number, Instant at);

    boolean bannerPosted(String workspaceId, long number);

    /** Marks the digest posted; false when it already was. */
    boolean markDigest(String workspaceId, long number, Instant at);

    /** Links a change to an incident; false when it already was linked so. */
    boolean link(String workspaceId, long number, long changeNumber, Link link, String by, Instant at);

    /** The refs (INC-n) of the incidents a change is linked to as {@code link}. */
    Set<String> linkedTo(String workspaceId, long changeNumber, Link link);

    /** Change numbers linked to the incident as {@code link}. */
    List<Long> changesOf(String workspaceId, long number, Link link);

    /** Records the Slack channel the incident is worked in. */
    void placeIn(String workspaceId, long number, String channelId);

    /** Open incidents worked in {@code channelId}. */
    List<Long> openIn(String workspaceId, String channelId);

    /** Workspaces with incidents not yet thawed, for the background pass. */
    List<String> workspacesNotThawed();
}
