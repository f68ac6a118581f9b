package dev.changebot.domain.change;

import dev.changebot.domain.change.ChangeEvent.ChangeOverrideSigned;
import dev.changebot.domain.change.ChangeEvent.ChangeStartedByOverride;
import java.util.ArrayList;
import java.util.List;

/**
 * The work on an approved change, part of its aggregate: the override it started under (signed by
 * one or several people when the calendar said no), deployments, soaks and rollout steps, and how
 * the work ended. The change's state still moves only through {@link Change#moveTo}.
 */
final class Work {

    private final Change change;
    PolicyException exception;
    OverrideRequest pendingOverride;
    Soak soak;
    int rolloutPercent;
    /** Environments the change is through: deployed with no soak, or deployed and soaked. */
    final List<String> stagesPassed = new ArrayList<>();

    Work(Change change) {
        this.change = change;
    }

    void restore(PolicyException exception, OverrideRequest pendingOverride, Soak soak, int rolloutPercent,
                 List<String> stagesPassed) {
        this.exception = exception;
        this.pendingOverride = pendingOverride;
        this.soak = soak;
        this.rolloutPercent = rolloutPercent;
        this.stagesPassed.addAll(stagesPassed);
    }

    /** True when the event was about the work (an override, a deployment, a soak, its end), now applied. */
    boolean apply(ChangeEvent event) {
        if (event instanceof ChangeStartedByOverride override) {
            change.moveTo(ChangeState.IN_PROGRESS);
            exception = new PolicyException(override.signers(), override.occurredAt(), override.justification(),
                    override.rules());
            pendingOverride = null;
        } else if (event instanceof ChangeOverrideSigned signed) {
            if (change.state() != ChangeState.APPROVED) {
                // Signing an override is a step towards starting: only an approved change takes one.
                throw new IllegalTransitionException(change.id(), change.state(), ChangeState.IN_PROGRESS);
            }
            pendingOverride = OverrideRequest.sign(pendingOverride,
                    new OverrideRequest.Signature(signed.actorId(), java.util.Set.copyOf(signed.roles())),
                    signed.justification(), signed.rules(), signed.occurredAt());
        } else if (event instanceof ChangeEvent.ChangeDeployed deployed) {
            if (change.state() != ChangeState.IN_PROGRESS) {
                // Only work under way is deployed; a soaking change waits for its soak to end.
                throw new IllegalTransitionException(change.id(), change.state(), ChangeState.SOAKING);
            }
            if (deployed.soakUntil() != null) {
                // Moved first: a move the lifecycle refuses must leave the rollout where it was.
                change.moveTo(ChangeState.SOAKING);
                soak = new Soak(deployed.label(), deployed.soakUntil());
            } else {
                stagesPassed.add(deployed.label());
            }
            deployed.percent().ifPresent(p -> rolloutPercent = p);
        } else if (event instanceof ChangeEvent.ChangeSoakCompleted soaked) {
            change.moveTo(ChangeState.IN_PROGRESS);
            soak = null;
            stagesPassed.add(soaked.environment());
        } else if (event instanceof ChangeEvent.ChangeRetried) {
            // The retry deploys from the start again: what the failed attempt reached no longer stands.
            change.moveTo(ChangeState.IN_PROGRESS);
            stagesPassed.clear();
            rolloutPercent = 0;
            soak = null;
        } else if (event instanceof ChangeEvent.ChangeFinished finished) {
            change.moveTo(finished.outcome());
            soak = null;
        } else {
            return false;
        }
        return true;
    }
}
