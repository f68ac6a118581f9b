package dev.changebot.domain.metrics;

import java.util.Optional;

/** Whether a period's measured value meets a KPI target, and the sentence a report shows for it. */
public record KpiVerdict(KpiTarget target, Outcome outcome, Optional<Double> value) {

    /** Met or missed; no data when nothing was measured in the period. */
    public enum Outcome {
        MET("met"),
        MISSED("missed"),
        NO_DATA("no data");

        private final String word;

        Outcome(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** E.g. "Rollback rate 2.1 % — target < 3 %: met", or "Rollback rate — target < 3 %: no data". */
    public String sentence() {
        var unit = target.metric().unit();
        var measured = value.map(v -> " " + unit.format(v)).orElse("");
        return target.label() + target.scopeWords() + measured + " — target " + target.targetWords() + ": " + outcome.word();
    }
}
