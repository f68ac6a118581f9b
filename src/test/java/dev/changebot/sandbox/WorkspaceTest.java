package dev.changebot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import dev.changebot.domain.policy.Policy;
import dev.changebot.policyfile.PolicyFiles;
import dev.changebot.policyfile.PolicyLoad;
import dev.changebot.sandbox.workspace.Group;
import dev.changebot.sandbox.workspace.Person;
import dev.changebot.sandbox.workspace.SlackRefusal;
import dev.changebot.sandbox.workspace.Workspace;
import dev.changebot.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The sandbox's workspace on its own: Slack's rules for triggers, views and reactions, the seed, and the version. */
class WorkspaceTest {

    final MutableClock wall = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    final Workspace workspace = seeded("preset:default");

    @Test
    @DisplayName("a trigger_id is good for 3 seconds of real time, then expired_trigger_id; an unknown one is invalid")
    void triggersExpire() {
        var trigger = workspace.issueTrigger(WorkspaceSeed.REQUESTER);
        assertThat(workspace.userOfTrigger(trigger)).isEqualTo(WorkspaceSeed.REQUESTER);

        wall.advance(Duration.ofMillis(3_001));

        assertThat(refusal(() -> workspace.userOfTrigger(trigger))).isEqualTo("expired_trigger_id");
        assertThat(refusal(() -> workspace.userOfTrigger("1.2.3"))).isEqualTo("invalid_trigger_id");
    }

    @Test
    @DisplayName("views: three stacked at most; an update with a stale hash is a hash_conflict")
    void viewRules() {
        var opened = workspace.openModal(WorkspaceSeed.REQUESTER, modal("one"));
        workspace.pushModal(WorkspaceSeed.REQUESTER, modal("two"));
        workspace.pushModal(WorkspaceSeed.REQUESTER, modal("three"));

        assertThat(refusal(() -> workspace.pushModal(WorkspaceSeed.REQUESTER, modal("four")))).isEqualTo("push_limit_reached");
        var updated = workspace.updateView(opened.id(), null, opened.hash(), modal("one again"));
        assertThat(updated.hash()).isNotEqualTo(opened.hash());
        assertThat(refusal(() -> workspace.updateView(opened.id(), null, opened.hash(), modal("stale")))).isEqualTo("hash_conflict");
        assertThat(workspace.snapshot(WorkspaceSeed.REQUESTER).views()).extracting(v -> v.view().get("callback_id").getAsString())
                .containsExactly("one again", "two", "three");
    }

    @Test
    @DisplayName("reactions: one per person and name; adding twice is already_reacted, removing a missing one no_reaction")
    void reactionRules() {
        var message = workspace.post("C0CHANGES", Workspace.BOT_USER_ID, Workspace.BOT_ID, "hello", null, null);
        workspace.react("C0CHANGES", message.ts(), "eyes", WorkspaceSeed.REQUESTER, true);

        assertThat(refusal(() -> workspace.react("C0CHANGES", message.ts(), "eyes", WorkspaceSeed.REQUESTER, true)))
                .isEqualTo("already_reacted");
        workspace.react("C0CHANGES", message.ts(), "eyes", WorkspaceSeed.REQUESTER, false);
        assertThat(refusal(() -> workspace.react("C0CHANGES", message.ts(), "eyes", WorkspaceSeed.REQUESTER, false)))
                .isEqualTo("no_reaction");
        assertThat(workspace.message("C0CHANGES", message.ts()).reactions()).isEmpty();
    }

    @Test
    @DisplayName("a person's DM is theirs: posting to their user id lands in it, and nobody else sees it")
    void directMessages() {
        var posted = workspace.post(WorkspaceSeed.REQUESTER, Workspace.BOT_USER_ID, Workspace.BOT_ID, "psst", null, null);

        assertThat(posted.channel()).isEqualTo("D0ALICE");
        assertThat(workspace.snapshot(WorkspaceSeed.REQUESTER).messages()).containsKey("D0ALICE");
        var other = workspace.people().get(1).id();
        assertThat(workspace.snapshot(other).messages()).doesNotContainKey("D0ALICE");
        assertThat(refusal(() -> workspace.post("#nowhere", Workspace.BOT_USER_ID, Workspace.BOT_ID, "x", null, null)))
                .isEqualTo("channel_not_found");
    }

    @Test
    @DisplayName("seeded from the policy: a requester, holders of every role in its user groups, an incident commander, an auditor")
    void seededFromThePolicy() {
        assertThat(workspace.people()).extracting(Person::title).contains("Requester", "Change approver", "Incident commander",
                "Auditor");
        assertThat(workspace.groups()).extracting(Group::handle).containsExactly("change-approvers", "incident-commanders",
                "change-auditors");
        assertThat(workspace.groups()).allSatisfy(group -> assertThat(group.users()).isNotEmpty());
        assertThat(workspace.snapshot(WorkspaceSeed.REQUESTER).channels()).extracting(c -> c.name())
                .contains("changes", "incidents", "change-escalations");
    }

    @Test
    @DisplayName("an N-of-M step gets N holders, so it can be completed in the sandbox")
    void enoughApprovers() {
        var pol012 = seeded("preset:pol-012");
        var largest = policy("preset:pol-012").classes().values().stream()
                .flatMap(c -> c.steps().stream()).mapToInt(s -> s.required()).max().orElse(1);
        assertThat(pol012.groups()).anySatisfy(group -> assertThat(group.users().size()).isGreaterThanOrEqualTo(largest));
    }

    @Test
    @DisplayName("an edited directory is validated: a group naming someone unknown is refused and nothing changes")
    void directoryValidation() {
        var before = workspace.people();
        assertThatThrownBy(() -> workspace.replaceDirectory(List.of(new Person("U0ZED", "zed", "Zed", "", "UTC")),
                List.of(new Group("S0X", "x", "X", List.of("U0NOBODY"))))).hasMessageContaining("U0NOBODY");
        assertThat(workspace.people()).isEqualTo(before);
    }

    @Test
    @DisplayName("every change bumps the version once, from many threads at once, and subscribers hear each")
    void versionUnderConcurrency() throws Exception {
        var heard = new java.util.concurrent.atomic.AtomicInteger();
        workspace.subscribe(version -> heard.incrementAndGet());
        long start = workspace.version();
        var pool = Executors.newFixedThreadPool(8);
        var done = new CountDownLatch(400);
        var ts = new ArrayList<String>();
        for (int i = 0; i < 400; i++) {
            pool.execute(() -> {
                workspace.post("C0CHANGES", WorkspaceSeed.REQUESTER, null, "hi", null, null);
                done.countDown();
            });
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        pool.shutdown();
        workspace.snapshot(WorkspaceSeed.REQUESTER).messages().get("C0CHANGES").forEach(m -> ts.add(m.ts()));

        assertThat(workspace.version()).isEqualTo(start + 400);
        assertThat(heard.get()).isEqualTo(400);
        assertThat(ts).doesNotHaveDuplicates().hasSize(400);
    }

    private Workspace seeded(String policySpec) {
        var policy = policy(policySpec);
        var directory = WorkspaceSeed.directory(policy);
        return new Workspace(wall, wall, WorkspaceSeed.channels(policy), directory.people(), directory.groups());
    }

    private static Policy policy(String spec) {
        return ((PolicyLoad.Loaded) PolicyFiles.load(spec)).policy();
    }

    private static JsonObject modal(String callbackId) {
        var view = new JsonObject();
        view.addProperty("type", "modal");
        view.addProperty("callback_id", callbackId);
        return view;
    }

    private static String refusal(Runnable call) {
        try {
            call.run();
        } catch (SlackRefusal refusal) {
            return refusal.error();
        }
        throw new AssertionError("not refused");
    }
}
