package dev.changebot.policyfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeDetails;
import dev.changebot.domain.change.ChangeEvent;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.change.Emergency;
import dev.changebot.domain.change.Obligation;
import dev.changebot.domain.change.StoredChange;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.rules.FollowUpTriggers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 4: follow-ups started by events other than an emergency's declaration, on the
 * shipped presets, with a fixed instant: what each event owes, and by when.
 */
class FollowUpsAfterEventsTest {

    private static final Instant T = Instant.parse("2026-03-10T10:00:00Z");
    private static final ChangeId ID = new ChangeId(1);

    @Test
    @DisplayName("chat-backend High-Risk Post-Deployment: once fully in production, IC standby 4 h and daily status updates for 3 days")
    void highRiskPostDeployment() {
        var policy = preset("chat-backend");
        var change = change("high", ChangeState.IN_PROGRESS, null, List.of());

        var canary = FollowUpTriggers.owedAfter(change, deployed("production", OptionalInt.of(25)), policy);
        var full = FollowUpTriggers.owedAfter(change, deployed("production", OptionalInt.of(100)), policy).orElseThrow();

        assertThat(canary).as("a canary step is not the deployment").isEmpty();
        assertThat(full.after()).isEqualTo("deployed: production");
        assertThat(full.owed()).extracting(o -> o.name() + " " + o.dueAt()).containsExactly(
                "ic-standby 2026-03-10T14:00:00Z",
                "status-update-1 2026-03-11T10:00:00Z",
                "status-update-2 2026-03-12T10:00:00Z",
                "status-update-3 2026-03-13T10:00:00Z");
        assertThat(full.owed().get(0).roles()).containsExactly("incident-commander");
        assertThat(full.owed().get(2).label()).isEqualTo("Daily status update (2 of 3)");
        var alreadyOwed = change("high", ChangeState.IN_PROGRESS, null, full.owed());
        assertThat(FollowUpTriggers.owedAfter(alreadyOwed, deployed("production", OptionalInt.empty()), policy))
                .as("owed once per change").isEmpty();
    }

    @Test
    @DisplayName("chat-backend Manual Rollback step 4: a post mortem within 24 hours after a rollback, of any category")
    void postMortemAfterRollback() {
        var policy = preset("chat-backend");
        for (var changeClass : List.of("low", "medium", "high")) {
            var rolledBack = FollowUpTriggers.owedAfter(change(changeClass, ChangeState.IN_PROGRESS, null, List.of()),
                    finished(ChangeState.ROLLED_BACK), policy).orElseThrow();
            assertThat(rolledBack.owed()).extracting(o -> o.name() + " " + o.dueAt())
                    .containsExactly("post-mortem 2026-03-11T10:00:00Z");
            assertThat(FollowUpTriggers.owedAfter(change(changeClass, ChangeState.IN_PROGRESS, null, List.of()),
                    finished(ChangeState.COMPLETED), policy)).as(changeClass + " completed").isEmpty();
        }
    }

    @Test
    @DisplayName("POL-008 10.1: a failed change owes a post-mortem, and the post-mortem a follow-up 30 days after it is done")
    void postMortemAndItsFollowUp() {
        var policy = preset("pol-008");
        var failed = FollowUpTriggers.owedAfter(change("normal", ChangeState.IN_PROGRESS, null, List.of()),
                finished(ChangeState.FAILED), policy).orElseThrow();
        assertThat(failed.owed()).extracting(Obligation::name).containsExactly("post-mortem");
        assertThat(failed.owed().get(0).dueAt()).as("5 business days, Tuesday to Tuesday")
                .isEqualTo(Instant.parse("2026-03-17T10:00:00Z"));

        var owing = change("normal", ChangeState.FAILED, null, failed.owed());
        var done = new ChangeEvent.ObligationSatisfied(ID, "U0EM", T.plusSeconds(86_400), "post-mortem", Map.of());
        var followUp = FollowUpTriggers.owedAfter(owing, done, policy).orElseThrow();

        assertThat(followUp.after()).isEqualTo("satisfied: post-mortem");
        assertThat(followUp.owed()).extracting(o -> o.name() + " " + o.dueAt())
                .containsExactly("post-mortem-follow-up 2026-04-10T10:00:00Z");
    }

    @Test
    @DisplayName("POL-008 3.4 step 7: a major change owes its post-change review once completed, not before")
    void postChangeReview() {
        var policy = preset("pol-008");
        var major = change("major", ChangeState.IN_PROGRESS, null, List.of());

        assertThat(FollowUpTriggers.owedAfter(major, deployed("production", OptionalInt.empty()), policy)).isEmpty();
        assertThat(FollowUpTriggers.owedAfter(major, finished(ChangeState.COMPLETED), policy).orElseThrow().owed())
                .extracting(Obligation::name).containsExactly("post-change-review");
    }

    @Test
    @DisplayName("POL-008 3.2 step 5: a normal change owes its post-deployment verification once deployed to production")
    void normalPostDeploymentVerification() {
        var owed = FollowUpTriggers.owedAfter(change("normal", ChangeState.IN_PROGRESS, null, List.of()),
                deployed("production", OptionalInt.empty()), preset("pol-008")).orElseThrow();

        assertThat(owed.owed()).extracting(o -> o.name() + " " + o.dueAt())
                .containsExactly("post-deployment-verification 2026-03-11T10:00:00Z");
    }

    @Test
    @DisplayName("Mixpeek 4.5: each production issue reported owes a rollback decision within 15 minutes")
    void rollbackDecisionPerIssue() {
        var policy = preset("mixpeek");
        var change = change("standard", ChangeState.COMPLETED, null, List.of());

        var first = FollowUpTriggers.owedAfter(change, issue(), policy).orElseThrow();
        var owing = change("standard", ChangeState.COMPLETED, null, first.owed());
        var second = FollowUpTriggers.owedAfter(owing, issue(), policy).orElseThrow();

        assertThat(first.owed()).extracting(o -> o.name() + " " + o.dueAt())
                .containsExactly("rollback-decision 2026-03-10T10:15:00Z");
        assertThat(second.owed()).extracting(Obligation::name).as("each issue its own").containsExactly("rollback-decision-2");
    }

    @Test
    @DisplayName("Mixpeek 8.3: an emergency still owes its post-deployment verification, from when it is resolved")
    void verificationAfterResolution() {
        var policy = preset("mixpeek");
        var emergency = change("emergency", ChangeState.IN_PROGRESS, new Emergency("U0IC", Optional.empty()), List.of());

        var resolved = FollowUpTriggers.owedAfter(emergency, new ChangeEvent.EmergencyResolved(ID, "U0IC", T), policy);

        assertThat(resolved.orElseThrow().owed()).extracting(o -> o.name() + " " + o.dueAt())
                .containsExactly("post-deployment-verification 2026-03-11T10:00:00Z");
    }

    @Test
    @DisplayName("an emergency resolved with a follow-up started by the resolution waits for it instead of closing")
    void resolutionWaitsForWhatItStarted() {
        var policy = preset("mixpeek");
        var emergency = change("emergency", ChangeState.IN_PROGRESS, new Emergency("U0IC", Optional.empty()), List.of());
        var resolved = new ChangeEvent.EmergencyResolved(ID, "U0IC", T);

        emergency.apply(FollowUpTriggers.owedAfter(emergency, resolved, policy).orElseThrow());
        emergency.apply(resolved);

        assertThat(emergency.state()).isEqualTo(ChangeState.FOLLOW_UPS_PENDING);
    }

    private static Policy preset(String name) {
        return ((PolicyLoad.Loaded) PolicyFiles.load("preset:" + name)).policy();
    }

    private static Change change(String changeClass, ChangeState state, Emergency emergency, List<Obligation> owed) {
        var details = new ChangeDetails("Ship it", "d", null, "api", "production", null, null, null, null, T, null,
                Map.of());
        return Change.restore(new StoredChange(ID, "T0", "U0DEV", "C0CHANGES", changeClass, details, T, state, List.of(),
                null, null, null, null, null, 0, List.of(), emergency, null, List.of(), owed));
    }

    private static ChangeEvent deployed(String environment, OptionalInt percent) {
        return new ChangeEvent.ChangeDeployed(ID, "U0DEV", T, environment, percent, null);
    }

    private static ChangeEvent finished(ChangeState outcome) {
        return new ChangeEvent.ChangeFinished(ID, "U0DEV", T, outcome);
    }

    private static ChangeEvent issue() {
        return new ChangeEvent.IssueReported(ID, "U0SRE", T, "error rate up");
    }
}
