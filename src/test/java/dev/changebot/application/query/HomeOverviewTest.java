package dev.changebot.application.query;

import static dev.changebot.domain.change.ChangeFixtures.CHANNEL;
import static dev.changebot.domain.change.ChangeFixtures.CLOCK;
import static dev.changebot.domain.change.ChangeFixtures.NOW;
import static dev.changebot.domain.change.ChangeFixtures.REQUESTER;
import static dev.changebot.domain.change.ChangeFixtures.REVIEWER;
import static dev.changebot.domain.change.ChangeFixtures.WORKSPACE;
import static dev.changebot.domain.change.ChangeFixtures.details;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.application.DirectTransactions;
import dev.changebot.application.port.DeclaredFreezes;
import dev.changebot.application.port.OpenChanges;
import dev.changebot.application.port.RoleDirectory;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.Obligation;
import dev.changebot.domain.policy.PolicyFixtures;
import dev.changebot.domain.rules.ChangeRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The App Home reads a bounded slice of the open changes, whatever their number. */
@DisplayName("A person's App Home")
class HomeOverviewTest {

    final SlicedChanges open = new SlicedChanges();
    final HomeOverview overview = new HomeOverview(open, new DirectTransactions(),
            new ChangeViews(PolicyFixtures.oneReviewer()), new ChangeRules(), new RoleDirectory() {
                @Override
                public Set<String> rolesOf(String workspace, String user) {
                    return user.equals(REVIEWER) ? PolicyFixtures.REVIEWER_ROLES : Set.of();
                }

                @Override
                public Set<String> membersOf(String workspace, String role) {
                    return Set.of(REVIEWER);
                }
            }, new NoFreezes(), PolicyFixtures.oneReviewer(), CLOCK);

    @Test
    @DisplayName("shows a reviewer the first 20 changes awaiting them, counting the rest from reads of at most 100")
    void awaitingIsReadInChunks() {
        open.pending(250);

        var home = overview.of(WORKSPACE, REVIEWER, 20);

        assertThat(home.awaitingMe().shown()).extracting(v -> v.change().id().number())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 20).boxed().toList());
        assertThat(home.awaitingMe().total()).isEqualTo(250);
        assertThat(home.awaitingMe().atLeast()).isFalse();
        assertThat(open.limits).isNotEmpty().allMatch(limit -> limit <= HomeOverview.CHUNK);
    }

    @Test
    @DisplayName("stops counting after 1,000 changes awaiting approval and says there are at least that many")
    void awaitingCountIsBounded() {
        open.pending(1_250);

        var home = overview.of(WORKSPACE, REVIEWER, 20);

        assertThat(home.awaitingMe().total()).isEqualTo(HomeOverview.MAX_EXAMINED);
        assertThat(home.awaitingMe().atLeast()).isTrue();
        assertThat(open.read).isEqualTo(HomeOverview.MAX_EXAMINED);
    }

    @Test
    @DisplayName("shows the requester 20 of their open changes and the count of all of them, and nothing to approve")
    void mineIsLimited() {
        open.pending(250);

        var home = overview.of(WORKSPACE, REQUESTER, 20);

        assertThat(home.mine().shown()).hasSize(20);
        assertThat(home.mine().total()).isEqualTo(250);
        assertThat(home.awaitingMe().shown()).isEmpty();
        assertThat(home.awaitingMe().total()).isZero();
        assertThat(open.limits).allMatch(limit -> limit <= HomeOverview.CHUNK);
    }

    @Test
    @DisplayName("maps only as many changes owing follow-ups as it shows, and counts the rest")
    void followUpsShownAreBounded() {
        open.owingRetrospectives(12);

        var home = overview.of(WORKSPACE, REVIEWER, 20, 5);

        assertThat(home.followUps().shown()).hasSize(5).allSatisfy(followUp -> assertThat(followUp.mayRecord())
                .extracting(Obligation::name).containsExactly("retrospective"));
        assertThat(home.followUps().total()).isEqualTo(12);
        assertThat(home.followUps().atLeast()).isFalse();
        assertThat(home.awaitingMe().shown()).isEmpty();
    }

    /** Open changes answering only bounded questions, recording the limits asked for (slices and counts) and the changes handed out. */
    static final class SlicedChanges implements OpenChanges {

        final List<Change> changes = new ArrayList<>();
        final List<Integer> limits = new ArrayList<>();
        final List<Long> countLimits = new ArrayList<>();
        int read;

        void pending(int count) {
            for (long n = 1; n <= count; n++) {
                changes.add(Change.request(new ChangeId(n), WORKSPACE, REQUESTER, CHANNEL, "normal", details(), NOW).change());
            }
        }

        /** Emergencies, each owing a retrospective anyone may record. */
        void owingRetrospectives(int count) {
            for (long n = 1; n <= count; n++) {
                var retrospective = Obligation.owed("retrospective", "Retrospective", NOW.plusSeconds(86_400), Set.of(),
                        false, List.of());
                changes.add(Change.declare(new ChangeId(n), WORKSPACE, REQUESTER, REQUESTER, Optional.empty(), CHANNEL,
                        "emergency", details(), List.of(retrospective), false, NOW).change());
            }
        }

        @Override
        public long countUpTo(String workspaceId, long limit) {
            countLimits.add(limit);
            return Math.min(changes.size(), limit);
        }

        @Override
        public List<Change> page(String workspaceId, int skip, int limit) {
            return handOut(changes.stream().skip(skip).limit(limit).toList(), limit);
        }

        @Override
        public CountedPage countedPage(String workspaceId, int skip, int limit, long countLimit) {
            return new CountedPage(page(workspaceId, skip, limit), countUpTo(workspaceId, countLimit));
        }

        @Override
        public List<Change> after(String workspaceId, long afterNumber, int limit) {
            return handOut(changes.stream().filter(c -> c.id().number() > afterNumber).limit(limit).toList(), limit);
        }

        @Override
        public long countAfterUpTo(String workspaceId, long afterNumber, long limit) {
            countLimits.add(limit);
            return changes.stream().filter(c -> c.id().number() > afterNumber).limit(limit).count();
        }

        @Override
        public List<Change> owingFollowUpsAfter(String workspaceId, long afterNumber, int limit) {
            return handOut(changes.stream().filter(c -> c.id().number() > afterNumber)
                    .filter(c -> c.obligations().stream().anyMatch(Obligation::isOpen)).limit(limit).toList(), limit);
        }

        @Override
        public long countRequestedBy(String workspaceId, String requesterId) {
            return changes.stream().filter(c -> c.requesterId().equals(requesterId)).count();
        }

        @Override
        public List<Change> requestedBy(String workspaceId, String requesterId, int limit) {
            return handOut(changes.stream().filter(c -> c.requesterId().equals(requesterId)).limit(limit).toList(), limit);
        }

        @Override
        public List<Change> awaitingApprovalAfter(String workspaceId, long afterNumber, int limit) {
            return after(workspaceId, afterNumber, limit);
        }

        private List<Change> handOut(List<Change> slice, int limit) {
            limits.add(limit);
            read += slice.size();
            return slice;
        }
    }

    static final class NoFreezes implements DeclaredFreezes {

        @Override
        public void declare(String workspaceId, String reason, String declaredBy, Instant startsAt,
                            Optional<Instant> endsAt) {
            throw new UnsupportedOperationException("the Home only reads freezes");
        }

        @Override
        public int liftAll(String workspaceId, String liftedBy, Instant at) {
            throw new UnsupportedOperationException("the Home only reads freezes");
        }

        @Override
        public List<Declared> inForceOrComing(String workspaceId, Instant now) {
            return List.of();
        }
    }
}
