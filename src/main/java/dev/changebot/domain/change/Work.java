package dev.changebot.domain.change;

import dev.changebot.domain.change.ChangeEvent.ChangeOverrideSigned;
import dev.changebot.domain.change.ChangeEvent.ChangeStarted;
import dev.changebot.domain.change.ChangeEvent.ChangeStartedByOverride;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The work on an approved change, part of its aggregate: starting it (under an override signed by
 * one or several people when the calendar says no), deployments, soaks and rollout steps, and how
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

    ChangeStarted start(String userId, Instant now) {
        change.moveTo(ChangeState.IN_PROGRESS);
        return new ChangeStarted(change.id(), userId, now);
    }

    /**
     * Starts despite the calendar; the caller has checked that the signers' roles (any earlier
     * signers' and this person's) cover the override. The first signer's justification stands.
     */
    ChangeStartedByOverride startByOverride(String userId, Instant now, String justification, List<String> rules) {
        var why = pendingOverride != null ? pendingOverride.justification() : justification;
        if (why == null || why.isBlank()) {
            throw new IllegalArgumentException("An override needs a written justification");
        }
        var signers = OverrideRequest.signersWith(pendingOverride, userId);
        change.moveTo(ChangeState.IN_PROGRESS);
        exception = new PolicyException(signers, now, why.strip(), rules);
        pendingOverride = null;
        return new ChangeStartedByOverride(change.id(), userId, now, exception.justification(), exception.rules(), signers);
    }

    /** Signs an override that needs other people's roles as well; the change waits for them. */
    ChangeOverrideSigned signOverride(String userId, Set<String> roles, Instant now, String justification,
                                            List<String> rules) {
        if (change.state() != ChangeState.APPROVED) {
            throw new IllegalTransitionException(change.id(), change.state(), ChangeState.IN_PROGRESS);
        }
        if (pendingOverride != null && pendingOverride.signedBy(userId)) {
            throw new ChangeRefusedException(userId + " already signed the override of " + change.id());
        }
        pendingOverride = OverrideRequest.sign(pendingOverride, new OverrideRequest.Signature(userId, roles),
                justification, rules, now);
        return new ChangeOverrideSigned(change.id(), userId, now, pendingOverride.justification(), rules, List.copyOf(roles));
    }

    /**
     * Deployed to {@code environment} ({@code percent} of users for a step of a staged rollout); with
     * {@code soakFor}, the change soaks there until the soak ends, and nothing moves on before.
     * {@code mustPassFirst} are the stages the policy puts before this environment.
     */
    ChangeEvent.ChangeDeployed deployed(String userId, String environment, OptionalInt percent,
                                        Optional<java.time.Duration> soakFor, List<String> mustPassFirst, Instant now) {
        if (change.state() == ChangeState.SOAKING) {
            throw new ChangeRefusedException(change.id() + " is soaking in " + soak.environment() + " until " + soak.until()
                    + "; deploy further after that.");
        }
        if (change.state() != ChangeState.IN_PROGRESS) {
            throw new IllegalTransitionException(change.id(), change.state(), ChangeState.SOAKING);
        }
        var missing = mustPassFirst.stream().filter(stage -> !stagesPassed.contains(stage)).findFirst();
        if (missing.isPresent()) {
            throw new ChangeRefusedException(change.id() + " goes to " + environment + " only after its soak in "
                    + missing.get() + ": deploy it to " + missing.get() + " first.");
        }
        if (percent.isPresent() && percent.getAsInt() <= rolloutPercent) {
            throw new ChangeRefusedException(change.id() + " is already rolled out to " + rolloutPercent + "%.");
        }
        percent.ifPresent(p -> rolloutPercent = p);
        Instant until = null;
        if (soakFor.isPresent()) {
            until = now.plus(soakFor.get());
            change.moveTo(ChangeState.SOAKING);
            soak = new Soak(environment, until);
        } else {
            stagesPassed.add(environment);
        }
        return new ChangeEvent.ChangeDeployed(change.id(), userId, now, environment, until);
    }

    /** The soak's timer rang: only the soak it was set for completes (a second ring does nothing). */
    Optional<ChangeEvent.ChangeSoakCompleted> soakEnded(String environment, Instant now) {
        if (change.state() != ChangeState.SOAKING || soak == null || !soak.environment().equals(environment)) {
            return Optional.empty();
        }
        change.moveTo(ChangeState.IN_PROGRESS);
        var done = soak;
        soak = null;
        stagesPassed.add(done.environment());
        return Optional.of(new ChangeEvent.ChangeSoakCompleted(change.id(), "changebot", now, done.environment()));
    }

    /** Completed, rolled back or failed; a soak in progress is aborted. */
    ChangeEvent.ChangeFinished finish(String userId, ChangeState outcome, Instant now) {
        if (outcome != ChangeState.COMPLETED && outcome != ChangeState.ROLLED_BACK && outcome != ChangeState.FAILED) {
            throw new IllegalArgumentException(outcome + " is not how work ends");
        }
        if (outcome == ChangeState.COMPLETED && change.state() == ChangeState.SOAKING) {
            throw new ChangeRefusedException(change.id() + " is soaking in " + soak.environment() + " until " + soak.until() + ".");
        }
        change.moveTo(outcome);
        soak = null;
        return new ChangeEvent.ChangeFinished(change.id(), userId, now, outcome);
    }
}
