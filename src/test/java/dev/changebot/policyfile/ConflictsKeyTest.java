package dev.changebot.policyfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.policy.ConflictRule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code conflicts: warn | block} of a class: warn when absent; a bad value is at its line with its reason. */
class ConflictsKeyTest {

    private static final String POLICY = """
            version: 1
            id: conflicts
            roles:
              approvers: { users: [U1] }
            classes:
              standard:
                pre_approved: true
              normal:
                approval: [{step: Review, roles: [approvers]}]
                conflicts: warn
              major:
                approval: [{step: Review, roles: [approvers]}]
                conflicts: block
            """;

    @Test
    @DisplayName("conflicts: warn | block per class, warn when the class does not say")
    void readsEachClass() {
        var load = PolicyReader.read("conflicts.yaml", POLICY);

        assertThat(load).isInstanceOf(PolicyLoad.Loaded.class);
        var policy = ((PolicyLoad.Loaded) load).policy();
        assertThat(policy.changeClass("standard").orElseThrow().conflicts()).isEqualTo(ConflictRule.WARN);
        assertThat(policy.changeClass("normal").orElseThrow().conflicts()).isEqualTo(ConflictRule.WARN);
        assertThat(policy.changeClass("major").orElseThrow().conflicts()).isEqualTo(ConflictRule.BLOCK);
    }

    @Test
    @DisplayName("a value other than warn or block is refused at its line, with what the two mean")
    void refusesAnotherValue() {
        var load = PolicyReader.read("conflicts.yaml", POLICY.replace("conflicts: block", "conflicts: stop"));

        assertThat(load).isInstanceOf(PolicyLoad.Invalid.class);
        var problems = ((PolicyLoad.Invalid) load).problems();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(13);
            assertThat(p.column()).isEqualTo(16);
            assertThat(p.message()).isEqualTo("'classes.major.conflicts' must be warn or block, not 'stop'");
            assertThat(p.hint()).contains("block refuses it");
        });
    }

    @Test
    @DisplayName("every preset still loads, each class warning on conflicts (today's behaviour)")
    void presetsWarn() {
        for (var preset : java.util.List.of("preset:chat-backend", "preset:mixpeek")) {
            var policy = ((PolicyLoad.Loaded) PolicyFiles.load(preset)).policy();
            assertThat(policy.classes().values()).allSatisfy(c -> assertThat(c.conflicts()).isEqualTo(ConflictRule.WARN));
        }
    }
}
