package dev.changebot.domain.change;

import dev.changebot.domain.change.ChangeEvent.ChangeCancelled;
import dev.changebot.domain.change.ChangeEvent.ChangePreApproved;
import dev.changebot.domain.change.ChangeEvent.ChangeRejected;
import dev.changebot.domain.change.ChangeEvent.ChangeStarted;
import dev.changebot.domain.change.ChangeEvent.ChangeRequested;
import dev.changebot.domain.change.ChangeEvent.ChangeRetried;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A change request and everything decided about it. Its state moves only by {@link #apply}ing
 * the events the rules decided on (dev.changebot.domain.rules), which the audit trail records.
 */
public final class Change {

    private final ChangeId id;
    private final String workspaceId;
    private final String requesterId;
    private final String originChannelId;
    private final String changeClass;
    private final ChangeDetails details;
    private final Instant requestedAt;
    private ChangeState state;
    private Rejection rejection;
    private MessageRef message;
    private String service;
    private final Review review = new Review(this);
    private final Work work = new Work(this);
    private final Aftermath aftermath = new Aftermath(this);
    private final StageSignoffs stageSignoffs = new StageSignoffs(this);

    private Change(ChangeId id, String workspaceId, String requesterId, String originChannelId, String changeClass,
                   ChangeDetails details, Instant requestedAt, ChangeState state, List<Approval> approvals,
                   Rejection rejection, MessageRef message) {
        this.id = Objects.requireNonNull(id);
        this.workspaceId = Objects.requireNonNull(workspaceId);
        this.requesterId = Objects.requireNonNull(requesterId);
        this.originChannelId = Objects.requireNonNull(originChannelId);
        this.changeClass = Objects.requireNonNull(changeClass);
        this.details = Objects.requireNonNull(details);
        this.requestedAt = Objects.requireNonNull(requestedAt);
        this.state = Objects.requireNonNull(state);
        this.review.approvals.addAll(approvals);
        this.rejection = rejection;
        this.message = message;
    }

    /** A new request of a class of the policy, waiting for approval. The caller has checked the details. */
    public static RequestedChange request(ChangeId id, String workspaceId, String requesterId, String originChannelId,
                                    String changeClass, ChangeDetails details, Instant now) {
        var change = new Change(id, workspaceId, requesterId, originChannelId, changeClass, details, now,
                ChangeState.PENDING_APPROVAL, List.of(), null, null);
        return new RequestedChange(change, new ChangeRequested(id, requesterId, now, details.title()));
    }

    /**
     * A new request for one of the policy's services; {@code changeClass} is the class it is handled
     * as, after the service's override.
     */
    public static RequestedChange request(ChangeId id, String workspaceId, String requesterId, String originChannelId,
                                          String changeClass, Optional<String> service, ChangeDetails details,
                                          Instant now) {
        var requested = request(id, workspaceId, requesterId, originChannelId, changeClass, details, now);
        requested.change().service = service.orElse(null);
        return requested;
    }

    /** Rebuilds a stored change exactly as it was; no rules run. */
    public static Change restore(StoredChange stored) {
        var change = new Change(stored.id(), stored.workspaceId(), stored.requesterId(), stored.originChannelId(),
                stored.changeClass(), stored.details(), stored.requestedAt(), stored.state(), stored.approvals(),
                stored.rejection(), stored.message());
        change.work.restore(stored.exception(), stored.pendingOverride(), stored.soak(), stored.rolloutPercent(),
                stored.stagesPassed());
        change.aftermath.emergency = stored.emergency();
        change.aftermath.obligations = stored.obligations();
        change.service = stored.service();
        change.stageSignoffs.signoffs.addAll(stored.stageSignoffs());
        return change;
    }

    /**
     * The only way a change moves: the event a rule decided on, applied. A move the lifecycle does
     * not allow is refused with an {@link IllegalTransitionException}; the rules decide before
     * producing an event, so reaching it means a rule and the lifecycle disagree.
     */
    public void apply(ChangeEvent event) {
        if (!event.changeId().equals(id)) {
            throw new IllegalArgumentException(event.type() + " of " + event.changeId() + " applied to " + id);
        }
        if (event instanceof ChangeRequested || event instanceof ChangeEvent.EmergencyDeclared) {
            throw new IllegalArgumentException(event.type() + " creates a change; it is not applied to one");
        } else if (event instanceof ChangePreApproved) {
            moveTo(ChangeState.APPROVED);
        } else if (event instanceof ChangeRejected rejected) {
            moveTo(ChangeState.REJECTED);
            rejection = new Rejection(rejected.actorId(), rejected.reason(), rejected.occurredAt());
        } else if (event instanceof ChangeCancelled) {
            moveTo(ChangeState.CANCELLED);
        } else if (event instanceof ChangeStarted) {
            moveTo(ChangeState.IN_PROGRESS);
        } else if (event instanceof ChangeRetried) {
            work.apply(event);
            stageSignoffs.startOver();
        } else if (!review.apply(event) && !work.apply(event) && !aftermath.apply(event) && !stageSignoffs.apply(event)) {
            throw new IllegalArgumentException("no way to apply " + event.type());
        }
    }

    /** The approvals given during the deployment (before an environment, a rollout step, a rollback), in order. */
    public List<StageSignoff> stageSignoffs() {
        return List.copyOf(stageSignoffs.signoffs);
    }

    public Optional<Soak> soak() {
        return Optional.ofNullable(work.soak);
    }

    /** The environments this change is through, in order: deployed there and, where the policy says, soaked. */
    public List<String> stagesPassed() {
        return List.copyOf(work.stagesPassed);
    }

    /** How far a staged rollout has gone: the last percentage deployed, 0 before the first step. */
    public int rolloutPercent() {
        return work.rolloutPercent;
    }

    /** An override signed by some but not yet all the roles it needs. */
    public Optional<OverrideRequest> pendingOverride() {
        return Optional.ofNullable(work.pendingOverride);
    }

    /** The audited exception this change started under, if any. */
    public Optional<PolicyException> exception() {
        return Optional.ofNullable(work.exception);
    }

    /**
     * An emergency, declared: in progress at once, or, when its class asks for approvals first
     * ({@code needsApproval}), as soon as they are in; owing {@code obligations} afterwards either way.
     */
    public static DeclaredEmergency declare(ChangeId id, String workspaceId, String declarerId, String incidentCommander,
                                   Optional<String> severity, String channelId, String changeClass,
                                   ChangeDetails details, List<Obligation> obligations, boolean needsApproval,
                                   Instant now) {
        return declare(id, workspaceId, declarerId, incidentCommander, severity, channelId, changeClass, details,
                obligations, needsApproval, Optional.empty(), now);
    }

    /** As above, approved by word beforehand by {@code verbalApprovalBy}, as the policy asks; the event records who. */
    public static DeclaredEmergency declare(ChangeId id, String workspaceId, String declarerId, String incidentCommander,
                                   Optional<String> severity, String channelId, String changeClass,
                                   ChangeDetails details, List<Obligation> obligations, boolean needsApproval,
                                   Optional<String> verbalApprovalBy, Instant now) {
        var change = new Change(id, workspaceId, declarerId, channelId, changeClass, details, now,
                Lifecycle.EMERGENCY.initial(needsApproval), List.of(), null, null);
        change.aftermath.emergency = new Emergency(incidentCommander, severity);
        change.aftermath.obligations = List.copyOf(obligations);
        return new DeclaredEmergency(change, new ChangeEvent.EmergencyDeclared(id, declarerId, now, details.title(),
                incidentCommander, verbalApprovalBy));
    }

    public boolean isEmergency() {
        return aftermath.emergency != null;
    }

    public Lifecycle lifecycle() {
        return isEmergency() ? Lifecycle.EMERGENCY : Lifecycle.NORMAL;
    }

    public Optional<Emergency> emergency() {
        return Optional.ofNullable(aftermath.emergency);
    }

    public Optional<String> incidentCommander() {
        return emergency().map(Emergency::incidentCommander);
    }

    /** What the change owes afterwards, met or not, in the order they came due. */
    public List<Obligation> obligations() {
        return aftermath.obligations;
    }

    /** The follow-up still pending under that name, if its deadline has not been recorded as missed yet. */
    public Optional<Obligation> pendingObligation(String name) {
        return aftermath.pending(name);
    }

    /** Remembers where the change's message was posted; not an event, only a pointer. */
    public void attachMessage(MessageRef ref) {
        this.message = Objects.requireNonNull(ref);
    }

    void moveTo(ChangeState target) {
        if (!lifecycle().allows(state, target)) {
            throw new IllegalTransitionException(id, state, target);
        }
        state = target;
    }

    public boolean hasApprovalFrom(String userId) {
        return review.approvals.stream().anyMatch(a -> a.approverId().equals(userId));
    }

    public ChangeId id() {
        return id;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public String requesterId() {
        return requesterId;
    }

    public String originChannelId() {
        return originChannelId;
    }

    /** The name of the policy class the change was requested in. */
    public String changeClass() {
        return changeClass;
    }

    /** The policy's service this change is to; empty under a policy without services. */
    public Optional<String> service() {
        return Optional.ofNullable(service);
    }

    public ChangeDetails details() {
        return details;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public ChangeState state() {
        return state;
    }

    public List<Approval> approvals() {
        return List.copyOf(review.approvals);
    }

    public Optional<Rejection> rejection() {
        return Optional.ofNullable(rejection);
    }

    public Optional<MessageRef> message() {
        return Optional.ofNullable(message);
    }
}
