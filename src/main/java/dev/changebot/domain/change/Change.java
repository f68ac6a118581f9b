package dev.changebot.domain.change;

import dev.changebot.domain.approval.ApprovalRule;
import dev.changebot.domain.approval.Decision;
import dev.changebot.domain.change.ChangeEvent.ChangeApprovalRevoked;
import dev.changebot.domain.change.ChangeEvent.ChangeApproved;
import dev.changebot.domain.change.ChangeEvent.ChangeCancelled;
import dev.changebot.domain.change.ChangeEvent.ChangeOverrideSigned;
import dev.changebot.domain.change.ChangeEvent.ChangePreApproved;
import dev.changebot.domain.change.ChangeEvent.ChangeRejected;
import dev.changebot.domain.change.ChangeEvent.ChangeStarted;
import dev.changebot.domain.change.ChangeEvent.ChangeStartedByOverride;
import dev.changebot.domain.change.ChangeEvent.ChangeRequested;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A change request and everything decided about it. State only moves through these methods,
 * each of which returns the event it produced for the audit trail.
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
    private final Review review = new Review(this);
    private final Work work = new Work(this);
    private final Aftermath aftermath = new Aftermath(this);

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

    /** Rebuilds a stored change exactly as it was; no rules run. */
    public static Change restore(StoredChange stored) {
        var change = new Change(stored.id(), stored.workspaceId(), stored.requesterId(), stored.originChannelId(),
                stored.changeClass(), stored.details(), stored.requestedAt(), stored.state(), stored.approvals(),
                stored.rejection(), stored.message());
        change.work.restore(stored.exception(), stored.pendingOverride(), stored.soak(), stored.rolloutPercent(),
                stored.stagesPassed());
        change.aftermath.emergency = stored.emergency();
        return change;
    }

    /** An approval of the step now open; see {@link Review#approve}. */
    public ChangeApproved approve(String approverId, Set<String> roles, Instant now, ApprovalRule rule) {
        return review.approve(approverId, roles, now, rule);
    }

    /** Whether this person may withdraw their approval now; see {@link Review#mayRevoke}. */
    public Decision mayRevoke(String userId, ApprovalRule rule) {
        return review.mayRevoke(userId, rule);
    }

    public ChangeApprovalRevoked revoke(String userId, Instant now, ApprovalRule rule) {
        return review.revoke(userId, now, rule);
    }

    public ChangeStarted start(String userId, Instant now) {
        return work.start(userId, now);
    }

    /** Starts despite the calendar; see {@link Work#startByOverride}. */
    public ChangeStartedByOverride startByOverride(String userId, Instant now, String justification, List<String> rules) {
        return work.startByOverride(userId, now, justification, rules);
    }

    /** Signs an override that needs other people's roles as well; the change waits for them. */
    public ChangeOverrideSigned signOverride(String userId, Set<String> roles, Instant now, String justification,
                                            List<String> rules) {
        return work.signOverride(userId, roles, now, justification, rules);
    }

    /** A deployment, maybe a step of a staged rollout; see {@link Work#deployed}. */
    public ChangeEvent.ChangeDeployed deployed(String userId, String environment, OptionalInt percent,
                                               Optional<java.time.Duration> soakFor, List<String> mustPassFirst,
                                               Instant now) {
        return work.deployed(userId, environment, percent, soakFor, mustPassFirst, now);
    }

    /** The soak's timer rang: only the soak it was set for completes (a second ring does nothing). */
    public Optional<ChangeEvent.ChangeSoakCompleted> soakEnded(String environment, Instant now) {
        return work.soakEnded(environment, now);
    }

    /** Completed, rolled back or failed; a soak in progress is aborted. */
    public ChangeEvent.ChangeFinished finish(String userId, ChangeState outcome, Instant now) {
        return work.finish(userId, outcome, now);
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
     * An emergency, declared: in progress at once on the incident commander's unilateral authority,
     * or, when its class asks for approvals first ({@code needsApproval}), as soon as they are in;
     * owing {@code obligations} afterwards either way.
     */
    public static DeclaredEmergency declare(ChangeId id, String workspaceId, String declarerId, String incidentCommander,
                                   Optional<String> severity, String channelId, String changeClass,
                                   ChangeDetails details, List<Obligation> obligations, boolean needsApproval,
                                   Instant now) {
        var change = new Change(id, workspaceId, declarerId, channelId, changeClass, details, now,
                Lifecycle.EMERGENCY.initial(needsApproval), List.of(), null, null);
        change.aftermath.emergency = new Emergency(incidentCommander, severity, obligations);
        return new DeclaredEmergency(change, new ChangeEvent.EmergencyDeclared(id, declarerId, now, details.title(),
                incidentCommander));
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

    public List<Obligation> obligations() {
        return emergency().map(Emergency::obligations).orElse(List.of());
    }

    /** The fix is in: what is still owed decides whether the emergency closes or waits for follow-ups. */
    public ChangeEvent.EmergencyResolved resolve(String userId, Instant now) {
        return aftermath.resolve(userId, now);
    }

    /** Whether this person may satisfy that obligation: not the declarer where the policy says so, a named role. */
    public Decision mayAnswer(String obligation, String userId, Set<String> roles) {
        return aftermath.mayAnswer(obligation, userId, roles);
    }

    public ChangeEvent.ObligationSatisfied satisfy(String obligation, String userId, Set<String> roles,
                                                   java.util.Map<String, String> answers, Instant now) {
        return aftermath.satisfy(obligation, userId, roles, answers, now);
    }

    /** The deadline passed: recorded once, with the original due time; the obligation stays open. */
    public Optional<ChangeEvent.ObligationOverdue> markOverdue(String obligation, Instant now) {
        return aftermath.markOverdue(obligation, now);
    }

    /** A pre-approved class needs nobody: approved as requested, on the policy's authority. */
    public ChangePreApproved preApprove(Instant now) {
        moveTo(ChangeState.APPROVED);
        return new ChangePreApproved(id, requesterId, now, changeClass);
    }

    public ChangeRejected reject(String userId, String reason, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A rejection needs a reason");
        }
        moveTo(ChangeState.REJECTED);
        rejection = new Rejection(userId, reason.strip(), now);
        return new ChangeRejected(id, userId, now, rejection.reason());
    }

    /** Only the requester withdraws a change, and only before work on it has started. */
    public Decision mayCancel(String userId) {
        if (!requesterId.equals(userId)) {
            return Decision.refused("Only the requester of " + id + " can cancel it.");
        }
        if (!lifecycle().allows(state, ChangeState.CANCELLED)) {
            return Decision.refused(id + " is " + state.label() + "; it can no longer be cancelled.");
        }
        return Decision.ALLOWED;
    }

    public ChangeCancelled cancel(String userId, Instant now) {
        if (mayCancel(userId) instanceof Decision.Refused refused) {
            throw new ChangeRefusedException(refused.reason());
        }
        moveTo(ChangeState.CANCELLED);
        return new ChangeCancelled(id, userId, now);
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
