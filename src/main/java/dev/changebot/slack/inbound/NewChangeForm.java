package dev.changebot.slack.inbound;

import com.slack.api.model.view.ViewState;
import dev.changebot.domain.change.ChangeDetails;
import dev.changebot.domain.change.ChangeField;
import dev.changebot.domain.change.FieldProblem;
import dev.changebot.domain.change.Risk;
import dev.changebot.slack.SlackIds;
import dev.changebot.slack.view.NewChangeModal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the submitted new-change modal, and points problems back at its blocks. */
final class NewChangeForm {

    private final Map<String, Map<String, ViewState.Value>> values;

    NewChangeForm(ViewState state) {
        this.values = state == null || state.getValues() == null ? Map.of() : state.getValues();
    }

    ChangeDetails details() {
        var extra = new EnumMap<ChangeField, String>(ChangeField.class);
        for (var field : NewChangeModal.EXTRA_FIELDS) {
            var text = text(NewChangeModal.blockId(field));
            if (text != null) {
                extra.put(field, text);
            }
        }
        var type = selected(SlackIds.CHANGE_TYPE);
        if (type != null) {
            extra.put(ChangeField.CHANGE_TYPE, type);
        }
        return new ChangeDetails(
                text(SlackIds.TITLE),
                text(SlackIds.DESCRIPTION),
                text(SlackIds.JUSTIFICATION),
                text(SlackIds.SYSTEMS_AFFECTED),
                selected(SlackIds.ENVIRONMENT),
                Risk.parse(selected(SlackIds.RISK)).orElse(null),
                text(SlackIds.IMPLEMENTATION_PLAN),
                text(SlackIds.ROLLBACK_PLAN),
                text(SlackIds.TESTING_EVIDENCE),
                value(SlackIds.PROPOSED_START).map(ViewState.Value::getSelectedDateTime)
                        .map(Instant::ofEpochSecond).orElse(null),
                minutes(text(SlackIds.EXPECTED_DURATION)),
                extra);
    }

    Optional<String> service() {
        return Optional.ofNullable(selected(SlackIds.SERVICE));
    }

    Optional<String> chosenClass() {
        return Optional.ofNullable(selected(SlackIds.CHANGE_CLASS));
    }

    /** Questionnaire answers: question id → chosen answer value. */
    Map<String, String> answers() {
        var answers = new LinkedHashMap<String, String>();
        values.keySet().stream().filter(block -> block.startsWith(SlackIds.QUESTION_PREFIX)).forEach(block -> {
            var answer = selected(block);
            if (answer != null) {
                answers.put(block.substring(SlackIds.QUESTION_PREFIX.length()), answer);
            }
        });
        return answers;
    }

    /** Slack shows each message under the input block it names, keeping everything typed. */
    static Map<String, String> errors(List<FieldProblem> problems) {
        var errors = new LinkedHashMap<String, String>();
        problems.forEach(p -> errors.merge(NewChangeModal.blockId(p.field()), p.message(), (a, b) -> a + " " + b));
        return errors;
    }

    private Optional<ViewState.Value> value(String block) {
        return Optional.ofNullable(values.get(block)).map(actions -> actions.get(SlackIds.INPUT));
    }

    private String text(String block) {
        return value(block).map(ViewState.Value::getValue).orElse(null);
    }

    private String selected(String block) {
        return value(block).map(ViewState.Value::getSelectedOption).map(ViewState.SelectedOption::getValue).orElse(null);
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
