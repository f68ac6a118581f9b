package dev.changebot.domain.policy;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A risk assessment in the manner of ServiceNow's: each answer carries a weight, the weights add
 * up to a score, and the highest threshold the score reaches names the class.
 */
public record RiskQuestionnaire(List<Question> questions, List<Threshold> thresholds) {

    public RiskQuestionnaire {
        questions = List.copyOf(questions);
        thresholds = thresholds.stream().sorted(Comparator.comparingInt(Threshold::minScore).reversed()).toList();
    }

    /** The class for these answers (question id → answer value); empty if a question is unanswered. */
    public Optional<String> classify(Map<String, String> answers) {
        int score = 0;
        for (var question : questions) {
            var chosen = question.answers().stream()
                    .filter(a -> a.value().equals(answers.get(question.id()))).findFirst();
            if (chosen.isEmpty()) {
                return Optional.empty();
            }
            score += chosen.get().weight();
        }
        final int total = score;
        return thresholds.stream().filter(t -> total >= t.minScore()).map(Threshold::changeClass).findFirst();
    }

    public record Question(String id, String text, List<Answer> answers) {

        public Question {
            answers = List.copyOf(answers);
        }
    }

    public record Answer(String value, String label, int weight) {
    }

    public record Threshold(int minScore, String changeClass) {
    }
}
