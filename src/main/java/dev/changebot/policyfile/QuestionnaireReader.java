package dev.changebot.policyfile;

import dev.changebot.domain.policy.RiskQuestionnaire;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Set;

/** {@code questionnaire:} — weighted questions whose total score picks the class of change. */
final class QuestionnaireReader {

    private final References references;

    QuestionnaireReader(References references) {
        this.references = references;
    }

    Optional<RiskQuestionnaire> read(YamlMap questionnaire) {
        questionnaire.allowOnly(Set.of("questions", "thresholds"));
        var questions = new ArrayList<RiskQuestionnaire.Question>();
        for (var q : questionnaire.maps("questions")) {
            q.allowOnly(Set.of("id", "text", "answers"));
            var answers = new ArrayList<RiskQuestionnaire.Answer>();
            for (var a : q.maps("answers")) {
                a.allowOnly(Set.of("value", "label", "weight"));
                var value = a.requiredString("value", "e.g. value: many");
                var weight = a.integer("weight");
                if (!a.has("weight")) {
                    a.problems().at(a.node(), "'" + a.path() + "' needs 'weight'", "e.g. weight: 3");
                }
                if (value.isPresent() && weight.isPresent()) {
                    answers.add(new RiskQuestionnaire.Answer(value.get(), a.string("label").orElse(value.get()), weight.get()));
                }
            }
            var id = q.requiredString("id", "e.g. id: blast_radius");
            var text = q.requiredString("text", "the question as users read it");
            if (answers.isEmpty()) {
                q.problems().at(q.node(), "'" + q.path() + "' has no answers", "give answers: [{value, label, weight}]");
            }
            if (id.isPresent() && text.isPresent() && !answers.isEmpty()) {
                questions.add(new RiskQuestionnaire.Question(id.get(), text.get(), answers));
            }
        }
        var thresholds = new ArrayList<RiskQuestionnaire.Threshold>();
        for (var t : questionnaire.maps("thresholds")) {
            t.allowOnly(Set.of("min_score", "class"));
            var min = t.integer("min_score");
            var changeClass = t.get("class").map(node -> new YamlMap.Named(t.string("class").orElse(""), node));
            changeClass.ifPresent(references::changeClass);
            if (min.isPresent() && changeClass.isPresent()) {
                thresholds.add(new RiskQuestionnaire.Threshold(min.get(), changeClass.get().text()));
            } else {
                t.problems().at(t.node(), "'" + t.path() + "' needs min_score and class", "e.g. {min_score: 5, class: high}");
            }
        }
        if (questions.isEmpty() || thresholds.isEmpty()) {
            questionnaire.problems().at(questionnaire.node(), "the questionnaire needs questions and thresholds", "");
            return Optional.empty();
        }
        return Optional.of(new RiskQuestionnaire(questions, thresholds));
    }
}
