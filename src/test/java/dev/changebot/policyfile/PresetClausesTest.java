package dev.changebot.policyfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.policy.CalendarState;
import dev.changebot.domain.policy.Explanation;
import dev.changebot.domain.policy.PolicyExplainer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each reference policy's enforceable clauses, evaluated by the domain core on the shipped presets. */
class PresetClausesTest {

    static List<PresetScenario> scenarios() {
        return PresetScenarios.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theClauseHolds(PresetScenario scenario) {
        var policy = ((PolicyLoad.Loaded) PolicyFiles.preset(scenario.preset())).policy();
        var changeClass = policy.changeClass(scenario.changeClass()).orElseThrow();
        var at = Instant.parse(scenario.at());
        var requested = scenario.requestedAt() == null ? at : Instant.parse(scenario.requestedAt());

        var explanation = PolicyExplainer.explain(policy, changeClass,
                policy.stepsFor(changeClass, Optional.ofNullable(scenario.type())), requested, at, CalendarState.QUIET);

        assertThat(explanation.allowed()).as("allowed? %s", explanation.reasons()).isEqualTo(scenario.allowed());
        assertThat(explanation.earliestCompliantStart()).contains(Instant.parse(scenario.earliest()));
        if (scenario.blockedBy() != null) {
            assertThat(String.join(" ", explanation.reasons())).containsIgnoringCase(scenario.blockedBy());
        }
        if (scenario.stepRoles() != null) {
            assertThat(explanation.approvalSteps()).extracting(Explanation.Step::roles)
                    .containsExactlyElementsOf(scenario.stepRoles());
        }
        var due = new LinkedHashMap<String, String>();
        explanation.followUps().forEach(f -> due.put(f.name(), f.dueAt().toString()));
        scenario.followUpsDue().forEach((name, when) ->
                assertThat(due).containsEntry(name, Instant.parse(when).toString()));
        var soak = new LinkedHashMap<String, String>();
        explanation.soak().forEach(s -> soak.put(s.environment(), s.duration()));
        assertThat(soak).containsAllEntriesOf(scenario.soak());
    }
}
