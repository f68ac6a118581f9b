package dev.changebot.policyfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.policy.RiskQuestionnaire;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** POL-012 CTRL-012.1: the risk questionnaire scores a request into standard, normal or major. */
class RiskQuestionnaireTest {

    final RiskQuestionnaire questionnaire = ((PolicyLoad.Loaded) PolicyFiles.preset("pol-012")).policy()
            .questionnaire().orElseThrow();

    @Test
    @DisplayName("a well-tested pattern on one service behind a flag is a standard change")
    void lowRiskIsStandard() {
        assertThat(questionnaire.classify(Map.of("pattern", "yes", "blast_radius", "one-service", "undo", "flag")))
                .contains("standard");
    }

    @Test
    @DisplayName("something new touching several services is a normal change")
    void mediumRiskIsNormal() {
        assertThat(questionnaire.classify(Map.of("pattern", "no", "blast_radius", "several-services", "undo", "redeploy")))
                .contains("normal");
    }

    @Test
    @DisplayName("a platform change undone by migration is a major change")
    void highRiskIsMajor() {
        assertThat(questionnaire.classify(Map.of("pattern", "no", "blast_radius", "platform", "undo", "migration")))
                .contains("major");
    }

    @Test
    void anUnansweredQuestionClassifiesNothing() {
        assertThat(questionnaire.classify(Map.of("pattern", "no"))).isEmpty();
    }
}
