package dev.changebot.policyfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.policy.StageApproval;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** `stage_approvals:` of a class and of a service, as the domain reads them, and as the presets encode their seeds. */
class StageApprovalsSectionTest {

    static final String POLICY = """
            version: 1
            id: stages
            roles:
              qa: { usergroups: [qa] }
              reviewer: { usergroups: [reviewers] }
              backend-lead: { usergroups: [backend-leads] }
              sre-lead: { usergroups: [sre-leads] }
            environments: [staging, production]
            services:
              homepage:
                stage_approvals:
                  - {before: production, step: Explicit approval before push, roles: [reviewer]}
            classes:
              normal:
                approval: [{step: Review, roles: [reviewer]}]
                rollout: {steps: [5, 25, 100], soak: 1h}
                stage_approvals:
                  - {before: Production, step: Manual QA approval, roles: [qa], reaction: ":thumbsup:"}
                  - {before: "production 25%", step: Canary check, roles: [qa, sre-lead], count: 2}
                  - {before: rollback, step: Rollback dual approval, roles: [backend-lead, sre-lead], all: true}
            """;

    static Policy read(String text) {
        var load = PolicyReader.read("stages.yaml", text);
        assertThat(load).isInstanceOf(PolicyLoad.Loaded.class);
        return ((PolicyLoad.Loaded) load).policy();
    }

    @Test
    @DisplayName("before an environment, a rollout step or a rollback; N of the roles or one per role; 👍 read as Slack's \"+1\"")
    void readsClassAndService() {
        var policy = read(POLICY);
        var normal = policy.changeClass("normal").orElseThrow();

        assertThat(normal.stageApprovals()).containsExactly(
                new StageApproval("production", "Manual QA approval", Set.of("qa"), 1, false, Optional.of("+1")),
                new StageApproval("production 25%", "Canary check", Set.of("qa", "sre-lead"), 2, false, Optional.empty()),
                new StageApproval("rollback", "Rollback dual approval", Set.of("backend-lead", "sre-lead"), 1, true,
                        Optional.empty()));
        assertThat(normal.stageApprovals().get(2).required()).isEqualTo(2);
        assertThat(policy.stageApprovalsFor(normal, Optional.of("homepage"))).extracting(StageApproval::step)
                .containsExactly("Manual QA approval", "Canary check", "Rollback dual approval", "Explicit approval before push");
        assertThat(policy.approveReactions()).containsExactly("white_check_mark", "+1");
    }

    @Test
    @DisplayName("the presets: chat-backend's QA approval (👍) and Tech Architect gate before production and rollback dual approval; Mixpeek's homepage approval before push")
    void presets() {
        var chat = ((PolicyLoad.Loaded) PolicyFiles.load("preset:chat-backend")).policy();
        var mixpeek = ((PolicyLoad.Loaded) PolicyFiles.load("preset:mixpeek")).policy();

        assertThat(chat.changeClass("low").orElseThrow().stageApprovals()).isEmpty();
        assertThat(chat.changeClass("medium").orElseThrow().stageApprovals()).containsExactly(
                new StageApproval("production", "Manual QA approval", Set.of("qa"), 1, false, Optional.of("+1")));
        assertThat(chat.changeClass("high").orElseThrow().stageApprovals()).extracting(StageApproval::describe)
                .containsExactly("Tech Architect production gate before production", "Rollback dual approval before rollback");
        assertThat(chat.changeClass("high").orElseThrow().steps()).extracting(s -> s.name()).doesNotContain(
                "Tech Architect production gate");
        var homepage = mixpeek.service("homepage").orElseThrow();
        assertThat(homepage.extraSteps()).isEmpty();
        assertThat(homepage.stageApprovals()).containsExactly(new StageApproval("production", "Explicit approval before push",
                Set.of("reviewer"), 1, false, Optional.empty()));
        assertThat(List.of(chat.changeClass("emergency").orElseThrow(), mixpeek.changeClass("emergency").orElseThrow()))
                .allSatisfy(c -> assertThat(c.stageApprovals()).isEmpty());
    }
}
