package dev.changebot.domain.change;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Changes in domain words: a complete request from Alice in #deploys, and the people around it. */
public final class ChangeFixtures {

    /** Monday morning, when every test in this suite happens. */
    public static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    public static final String WORKSPACE = "T1";
    public static final String CHANNEL = "C1";
    public static final String REQUESTER = "U_ALICE";
    public static final String REVIEWER = "U_BOB";
    public static final String SOMEONE_ELSE = "U_CAROL";
    /** The incident commander Alice names when she declares an emergency. */
    public static final String COMMANDER = "U_DAVE";

    public static final ChangeId FIRST = new ChangeId(1);

    private ChangeFixtures() {
    }

    /** Everything a reviewer needs: a medium-risk production upgrade starting in an hour, for 45 minutes. */
    public static ChangeDetails details() {
        return new ChangeDetails(
                "Upgrade payments-api to 2.4",
                "Rolls out the new retry logic for card captures.",
                "Cuts failed captures by half.",
                "payments-api, checkout",
                "production",
                Risk.MEDIUM,
                "Helm upgrade, canary 10% then 100%.",
                "helm rollback payments-api",
                "CI run 4812 green; staging soak 2 h.",
                NOW.plus(Duration.ofHours(1)),
                Duration.ofMinutes(45));
    }

    public static ChangeDetails detailsTitled(String title) {
        var d = details();
        return new ChangeDetails(title, d.description(), d.justification(), d.systemsAffected(), d.environment(),
                d.risk(), d.implementationPlan(), d.rollbackPlan(), d.testingEvidence(), d.proposedStart(),
                d.expectedDuration());
    }

    public static ChangeDetails detailsDescribedAs(String description) {
        var d = details();
        return new ChangeDetails(d.title(), description, d.justification(), d.systemsAffected(), d.environment(),
                d.risk(), d.implementationPlan(), d.rollbackPlan(), d.testingEvidence(), d.proposedStart(),
                d.expectedDuration());
    }

    public static ChangeDetails detailsStartingAt(Instant start) {
        var d = details();
        return new ChangeDetails(d.title(), d.description(), d.justification(), d.systemsAffected(), d.environment(),
                d.risk(), d.implementationPlan(), d.rollbackPlan(), d.testingEvidence(), start, d.expectedDuration());
    }

    public static ChangeDetails detailsLasting(Duration duration) {
        var d = details();
        return new ChangeDetails(d.title(), d.description(), d.justification(), d.systemsAffected(), d.environment(),
                d.risk(), d.implementationPlan(), d.rollbackPlan(), d.testingEvidence(), d.proposedStart(), duration);
    }

    /** CHG-1, just requested by Alice in C1 of T1. */
    public static Change pendingChange() {
        return pendingChange(details());
    }

    public static Change pendingChange(ChangeDetails details) {
        return Change.request(FIRST, WORKSPACE, REQUESTER, CHANNEL, "normal", details, NOW).change();
    }

    /**
     * CHG-1, an emergency Alice declared at {@link #NOW} with Dave as incident commander, owing
     * {@code obligations}: in progress at once, or waiting for approvals when {@code needsApproval}.
     */
    public static Change declaredEmergency(List<Obligation> obligations, boolean needsApproval) {
        return Change.declare(FIRST, WORKSPACE, REQUESTER, COMMANDER, java.util.Optional.empty(), CHANNEL, "emergency",
                details(), obligations, needsApproval, NOW).change();
    }

    /** A change that has been through review already, restored in the given state. */
    public static Change changeIn(ChangeState state) {
        return changeIn("normal", state);
    }

    /** As {@link #changeIn(ChangeState)}, of a class of one's choosing (one the policy may not have). */
    public static Change changeIn(String changeClass, ChangeState state) {
        return Change.restore(new StoredChange(FIRST, WORKSPACE, REQUESTER, CHANNEL, changeClass, details(), NOW, state,
                List.of(), null, null, null, null, null, 0, List.of(), null));
    }
}
