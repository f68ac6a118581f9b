package dev.changebot.slack.change;

import com.slack.api.model.view.ViewState;
import dev.changebot.domain.change.ChangeDetails;
import dev.changebot.domain.change.ChangeField;
import dev.changebot.domain.change.FieldProblem;
import dev.changebot.domain.change.Risk;
import dev.changebot.slack.SlackIds;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the submitted new-change modal into change details, and points problems back at its blocks. */
final class NewChangeForm {

    private static final Map<ChangeField, String> BLOCKS = Map.ofEntries(
            Map.entry(ChangeField.TITLE, SlackIds.TITLE),
            Map.entry(ChangeField.DESCRIPTION, SlackIds.DESCRIPTION),
            Map.entry(ChangeField.JUSTIFICATION, SlackIds.JUSTIFICATION),
            Map.entry(ChangeField.SYSTEMS_AFFECTED, SlackIds.SYSTEMS_AFFECTED),
            Map.entry(ChangeField.ENVIRONMENT, SlackIds.ENVIRONMENT),
            Map.entry(ChangeField.RISK, SlackIds.RISK),
            Map.entry(ChangeField.IMPLEMENTATION_PLAN, SlackIds.IMPLEMENTATION_PLAN),
            Map.entry(ChangeField.ROLLBACK_PLAN, SlackIds.ROLLBACK_PLAN),
            Map.entry(ChangeField.TESTING_EVIDENCE, SlackIds.TESTING_EVIDENCE),
            Map.entry(ChangeField.PROPOSED_START, SlackIds.PROPOSED_START),
            Map.entry(ChangeField.EXPECTED_DURATION, SlackIds.EXPECTED_DURATION));

    private NewChangeForm() {
    }

    static ChangeDetails read(ViewState state) {
        var values = state == null || state.getValues() == null
                ? Map.<String, Map<String, ViewState.Value>>of() : state.getValues();
        return new ChangeDetails(
                text(values, SlackIds.TITLE),
                text(values, SlackIds.DESCRIPTION),
                text(values, SlackIds.JUSTIFICATION),
                text(values, SlackIds.SYSTEMS_AFFECTED),
                selected(values, SlackIds.ENVIRONMENT),
                Risk.parse(selected(values, SlackIds.RISK)).orElse(null),
                text(values, SlackIds.IMPLEMENTATION_PLAN),
                text(values, SlackIds.ROLLBACK_PLAN),
                text(values, SlackIds.TESTING_EVIDENCE),
                value(values, SlackIds.PROPOSED_START).map(ViewState.Value::getSelectedDateTime)
                        .map(Instant::ofEpochSecond).orElse(null),
                minutes(text(values, SlackIds.EXPECTED_DURATION)));
    }

    /** Slack shows each message under the input block it names, keeping everything typed. */
    static Map<String, String> errors(List<FieldProblem> problems) {
        var errors = new LinkedHashMap<String, String>();
        problems.forEach(p -> errors.merge(BLOCKS.get(p.field()), p.message(), (a, b) -> a + " " + b));
        return errors;
    }

    private static Optional<ViewState.Value> value(Map<String, Map<String, ViewState.Value>> values, String block) {
        return Optional.ofNullable(values.get(block)).map(actions -> actions.get(SlackIds.INPUT));
    }

    private static String text(Map<String, Map<String, ViewState.Value>> values, String block) {
        return value(values, block).map(ViewState.Value::getValue).orElse(null);
    }

    private static String selected(Map<String, Map<String, ViewState.Value>> values, String block) {
        return value(values, block).map(ViewState.Value::getSelectedOption)
                .map(ViewState.SelectedOption::getValue).orElse(null);
    }

    private static Duration minutes(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Duration.ofMinutes(Long.parseLong(text.strip()));
        } catch (NumberFormatException | ArithmeticException notWholeMinutes) {
            return null;
        }
    }
}
