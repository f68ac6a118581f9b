package dev.changebot.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * chat-backend's "Approval Authorities" meet its categories' chains (issue 15, items 1 and 2): a type's
 * approvers are added before the class's chain, a role both name signing once, or replace it.
 */
class ApprovalMatrixTest {

    private static final List<ApprovalStep> HIGH_RISK = List.of(
            new ApprovalStep("Backend Lead sign-off", Set.of("backend-lead"), 1),
            new ApprovalStep("DBA Lead sign-off", Set.of("dba-lead"), 1),
            new ApprovalStep("Tech Architect production gate", Set.of("tech-architect"), 1));
    private static final Map<String, Map<String, List<String>>> ROWS = Map.of("database",
            Map.of("column-removal", List.of("backend-lead", "dba-lead", "sre-lead"), "new-table", List.of()));

    @Test
    @DisplayName("Approval Authorities on top of Category 3: the type's new approvers first, every sign-off and the gate kept")
    void addKeepsTheClassChain() {
        var matrix = new ApprovalMatrix(ROWS, ApprovalMatrix.Combine.ADD);

        var steps = matrix.steps(HIGH_RISK, Optional.of("database/column-removal"), role -> "label of " + role);

        assertThat(steps).extracting(ApprovalStep::name).containsExactly("label of sre-lead", "Backend Lead sign-off",
                "DBA Lead sign-off", "Tech Architect production gate");
        assertThat(steps.get(0).roles()).containsExactly("sre-lead");
        assertThat(steps.get(0).required()).isEqualTo(1);
    }

    @Test
    @DisplayName("replace: the type's approvers are the whole chain; a type that names nobody needs nobody")
    void replaceTakesTheTypeOnly() {
        var matrix = new ApprovalMatrix(ROWS, ApprovalMatrix.Combine.REPLACE);

        assertThat(matrix.steps(HIGH_RISK, Optional.of("database/column-removal"), role -> role))
                .extracting(ApprovalStep::name).containsExactly("backend-lead", "dba-lead", "sre-lead");
        assertThat(matrix.steps(HIGH_RISK, Optional.of("database/new-table"), role -> role)).isEmpty();
    }

    @Test
    @DisplayName("no type, or one the matrix does not have, leaves the class's chain as it is")
    void noRowNoChange() {
        var matrix = new ApprovalMatrix(ROWS, ApprovalMatrix.Combine.ADD);

        assertThat(matrix.steps(HIGH_RISK, Optional.empty(), role -> role)).isEqualTo(HIGH_RISK);
        assertThat(matrix.steps(HIGH_RISK, Optional.of("database/nope"), role -> role)).isEqualTo(HIGH_RISK);
        assertThat(matrix.steps(HIGH_RISK, Optional.of("database"), role -> role)).isEqualTo(HIGH_RISK);
    }

    @Test
    @DisplayName("types keep the policy's order, category then type, as the form offers them")
    void typesInOrder() {
        var rows = new java.util.LinkedHashMap<String, Map<String, List<String>>>();
        var api = new java.util.LinkedHashMap<String, List<String>>();
        api.put("new-endpoint", List.of("backend-lead"));
        api.put("endpoint-removal", List.of("tech-architect"));
        rows.put("api", api);
        rows.put("database", Map.of("new-index", List.of("dba-lead")));

        assertThat(new ApprovalMatrix(rows).types())
                .containsExactly("api/new-endpoint", "api/endpoint-removal", "database/new-index");
        assertThat(new ApprovalMatrix(rows).combine()).isEqualTo(ApprovalMatrix.Combine.ADD);
    }
}
