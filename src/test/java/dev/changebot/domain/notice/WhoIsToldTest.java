package dev.changebot.domain.notice;

import static dev.changebot.domain.change.ChangeFixtures.CHANNEL;
import static dev.changebot.domain.change.ChangeFixtures.FIRST;
import static dev.changebot.domain.change.ChangeFixtures.NOW;
import static dev.changebot.domain.change.ChangeFixtures.REQUESTER;
import static dev.changebot.domain.change.ChangeFixtures.REVIEWER;
import static dev.changebot.domain.change.ChangeFixtures.SOMEONE_ELSE;
import static dev.changebot.domain.change.ChangeFixtures.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.approval.ChainProgress;
import dev.changebot.domain.approval.StepApproval;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeFixtures;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.Obligation;
import dev.changebot.domain.policy.ApprovalStep;
import dev.changebot.domain.policy.DeploymentPlan;
import dev.changebot.domain.policy.Reminders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Who is told")
class WhoIsToldTest {

    static final String TITLE = "Upgrade payments-api to 2.4";
    static final String DAVE = "U_DAVE";
    static final String ARCHITECT = "U_ARCH";
    static final Reminders TO_CHANNEL = new Reminders(Duration.ofHours(8), Duration.ofHours(24),
            Optional.of("tech-architects"), Optional.of("#deployments"), Duration.ofHours(4));
    static final Reminders TO_ROLE = new Reminders(Duration.ofHours(8), Duration.ofHours(24),
            Optional.of("tech-architects"), Optional.empty(), Duration.ofHours(4));
    static final Reminders TO_NOBODY = new Reminders(Duration.ofHours(8), Duration.ofHours(24),
            Optional.empty(), Optional.empty(), Duration.ofHours(4));

    @Test
    @DisplayName("that a soak ended: the change's thread, with the deployment now allowed")
    void soakCompleted() {
        var next = Optional.of(new DeploymentPlan.NextDeployment("production", OptionalInt.of(25)));

        assertThat(WhoIsTold.soakCompleted(ChangeFixtures.pendingChange(), "production 5%", next)).containsExactly(
                new Notice(WORKSPACE, FIRST, new Recipient.ChangeThread(CHANNEL),
                        new NoticeFacts.SoakCompleted("production 5%", next)));
    }

    @Test
    @DisplayName("that a change is recorded but not posted: its requester, privately")
    void changeNotPosted() {
        assertThat(WhoIsTold.changeNotPosted(ChangeFixtures.pendingChange(), "not_in_channel")).containsExactly(
                new Notice(WORKSPACE, FIRST, new Recipient.Person(REQUESTER),
                        new NoticeFacts.ChangeNotPosted(CHANNEL, "not_in_channel")));
    }

    @Nested
    @DisplayName("about an approval step that waits")
    class ApprovalNudges {

        /** Two Backend Leads must approve; Bob already has. */
        final ChainProgress.StepStatus step = new ChainProgress.StepStatus(1,
                new ApprovalStep("Backend Lead review", Set.of("backend-leads"), 2),
                List.of(new StepApproval(1, REVIEWER, NOW)));
        final Change change = ChangeFixtures.pendingChange();

        @Test
        @DisplayName("the reminder: each holder of the step's roles, privately, but not the requester nor who approved")
        void reminderGoesToThoseWhoMayStillApprove() {
            var members = Map.of("backend-leads", Set.of(REQUESTER, REVIEWER, SOMEONE_ELSE, DAVE));

            var notices = WhoIsTold.approvalReminder(change, step, members);

            assertThat(notices).extracting(Notice::recipient)
                    .containsExactlyInAnyOrder(new Recipient.Person(SOMEONE_ELSE), new Recipient.Person(DAVE));
            assertThat(notices).extracting(Notice::facts).containsOnly(
                    new NoticeFacts.ApprovalReminder(TITLE, "step 1 (Backend Lead review)"));
        }

        @Test
        @DisplayName("the reminder: nobody when everyone holding the roles asked or approved already")
        void reminderToNobodyLeft() {
            assertThat(WhoIsTold.approvalReminder(change, step, Map.of("backend-leads", Set.of(REQUESTER, REVIEWER))))
                    .isEmpty();
        }

        @Test
        @DisplayName("the escalation: the policy's channel, once, named without its #")
        void escalationInTheChannel() {
            var members = Map.of("tech-architects", Set.of(ARCHITECT));

            assertThat(WhoIsTold.approvalEscalation(change, step, TO_CHANNEL, members)).containsExactly(
                    new Notice(WORKSPACE, FIRST, new Recipient.Channel("deployments"),
                            new NoticeFacts.ApprovalEscalation(TITLE, "step 1 (Backend Lead review)", REQUESTER)));
        }

        @Test
        @DisplayName("the escalation: without a channel, each holder of the escalation role, privately")
        void escalationToTheRole() {
            var members = Map.of("tech-architects", Set.of(ARCHITECT, DAVE));

            assertThat(WhoIsTold.approvalEscalation(change, step, TO_ROLE, members)).extracting(Notice::recipient)
                    .containsExactlyInAnyOrder(new Recipient.Person(ARCHITECT), new Recipient.Person(DAVE));
        }

        @Test
        @DisplayName("the escalation: nobody when the policy names neither a channel nor a role")
        void escalationToNobody() {
            assertThat(WhoIsTold.approvalEscalation(change, step, TO_NOBODY, Map.of())).isEmpty();
        }
    }

    @Nested
    @DisplayName("about an emergency's follow-up")
    class FollowUps {

        static final String DECLARER = "U_DECLARER";
        static final String COMMANDER = "U_COMMANDER";
        static final String INCIDENTS = "C_INCIDENTS";
        static final String SUMMARY = "Roll back the bad payments config";

        /** Anyone but the declarer reviews it. */
        final Obligation retrospective = Obligation.owed("retrospective", "Retrospective", NOW.plus(Duration.ofHours(8)),
                Set.of(), true, List.of());
        /** A Backend Lead writes it, and the declarer may. */
        final Obligation followUpPr = Obligation.owed("follow-up-pr", "Follow-up PR", NOW.plus(Duration.ofDays(6)),
                Set.of("backend-leads"), false, List.of());
        final Change emergency = Change.declare(new ChangeId(2), WORKSPACE, DECLARER, COMMANDER, Optional.of("P1"),
                INCIDENTS, "emergency", ChangeFixtures.detailsTitled(SUMMARY), List.of(retrospective, followUpPr), false,
                NOW).change();

        @Test
        @DisplayName("the reminder: the incident channel, plainly, when nobody owes it by name")
        void reminderInTheIncidentChannel() {
            assertThat(WhoIsTold.followUpReminder(emergency, retrospective, Map.of())).containsExactly(
                    new Notice(WORKSPACE, new ChangeId(2), new Recipient.Channel(INCIDENTS),
                            new NoticeFacts.FollowUpReminder(SUMMARY, "retrospective", "Retrospective",
                                    retrospective.dueAt())));
        }

        @Test
        @DisplayName("the reminder: the role's holders and the incident commander accountable for it")
        void reminderToTheRoleAndTheCommander() {
            var notices = WhoIsTold.followUpReminder(emergency, followUpPr, Map.of("backend-leads", Set.of(DAVE)));

            assertThat(notices).extracting(Notice::recipient)
                    .containsExactlyInAnyOrder(new Recipient.Person(DAVE), new Recipient.Person(COMMANDER));
        }

        @Test
        @DisplayName("the reminder: never the declarer nor the commander of a follow-up that must not be theirs")
        void reminderNotToTheDeclarer() {
            var reviewedByLeads = Obligation.owed("retrospective", "Retrospective", NOW.plus(Duration.ofHours(8)),
                    Set.of("backend-leads"), true, List.of());
            var members = Map.of("backend-leads", Set.of(DECLARER, COMMANDER, DAVE));

            assertThat(WhoIsTold.followUpReminder(emergency, reviewedByLeads, members)).extracting(Notice::recipient)
                    .containsExactly(new Recipient.Person(DAVE));
        }

        @Test
        @DisplayName("overdue: the incident channel, and the policy's escalation channel instead of people")
        void overdueInBothChannels() {
            var members = Map.of("backend-leads", Set.of(DAVE), "tech-architects", Set.of(ARCHITECT));

            var notices = WhoIsTold.followUpOverdue(emergency, followUpPr, TO_CHANNEL, members);

            assertThat(notices).extracting(Notice::recipient)
                    .containsExactly(new Recipient.Channel(INCIDENTS), new Recipient.Channel("deployments"));
            assertThat(notices).extracting(Notice::facts).containsOnly(new NoticeFacts.FollowUpOverdue(SUMMARY,
                    "follow-up-pr", "Follow-up PR", followUpPr.dueAt()));
        }

        @Test
        @DisplayName("overdue: without an escalation channel, the incident channel, those who owe it and the escalation role")
        void overdueToPeople() {
            var members = Map.of("backend-leads", Set.of(DAVE), "tech-architects", Set.of(ARCHITECT));

            var notices = WhoIsTold.followUpOverdue(emergency, followUpPr, TO_ROLE, members);

            assertThat(notices.get(0).recipient()).as("the incident channel first").isEqualTo(new Recipient.Channel(INCIDENTS));
            assertThat(notices).extracting(Notice::recipient).containsExactlyInAnyOrder(new Recipient.Channel(INCIDENTS),
                    new Recipient.Person(DAVE), new Recipient.Person(COMMANDER), new Recipient.Person(ARCHITECT));
        }
    }
}
