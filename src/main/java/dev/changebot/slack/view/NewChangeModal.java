package dev.changebot.slack.view;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.datetimePicker;
import static com.slack.api.model.block.element.BlockElements.numberInput;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionGroupObject;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import dev.changebot.domain.change.ChangeField;
import dev.changebot.domain.change.Risk;
import dev.changebot.domain.policy.ApprovalMatrix;
import dev.changebot.domain.policy.ChangeClass;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.policy.Service;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The form behind `/change new`, built from the policy: its classes (and risk questionnaire),
 * every field some class requires, each labelled with the classes that insist on it. Which
 * fields are required is checked on submission, once the class is known.
 */
public final class NewChangeModal {

    /** The title input allows what the rules accept (150 characters), the header then shows it whole. */
    static final int MAX_TITLE = 150;
    /** A sensible first guess for the start: an hour from now, on the minute. */
    static final Duration DEFAULT_LEAD = Duration.ofHours(1);
    static final List<ChangeField> TEXT_FIELDS = List.of(ChangeField.DESCRIPTION, ChangeField.JUSTIFICATION,
            ChangeField.SYSTEMS_AFFECTED, ChangeField.IMPLEMENTATION_PLAN, ChangeField.ROLLBACK_PLAN,
            ChangeField.TESTING_EVIDENCE);
    public static final List<ChangeField> EXTRA_FIELDS = List.of(ChangeField.ESTIMATED_DOWNTIME, ChangeField.RISK_ASSESSMENT,
            ChangeField.SUCCESS_CRITERIA, ChangeField.DESIGN_DOC, ChangeField.COMMUNICATION_PLAN,
            ChangeField.MONITORING_PLAN);

    private NewChangeModal() {
    }

    public static String blockId(ChangeField field) {
        return field.name().toLowerCase();
    }

    public static View render(Policy policy, String originChannelId, String titleHint, Instant now) {
        return render(policy, originChannelId, titleHint, Optional.empty(), Optional.empty(), now);
    }

    /**
     * The form, with {@code service} (one of the policy's) and {@code type} (a row of its approval
     * matrix, "category/type") already chosen.
     */
    public static View render(Policy policy, String originChannelId, String titleHint, Optional<String> service,
                              Optional<String> type, Instant now) {
        var start = now.plus(DEFAULT_LEAD).getEpochSecond() / 60 * 60;
        var blocks = new ArrayList<LayoutBlock>();
        blocks.add(text(SlackIds.TITLE, "Title", titleHint, false, false, MAX_TITLE, null));
        // A policy without services has one implicit service: nothing to choose.
        if (policy.hasServices()) {
            blocks.add(serviceChoice(policy, service.flatMap(policy::service)));
        }
        blocks.add(classChoice(policy));
        // The approval matrix, category then type: the type's approvers are required.
        if (!policy.matrix().isEmpty()) {
            blocks.add(typeChoice(policy, type.filter(t -> policy.matrix().rolesFor(t).isPresent())));
        }
        policy.questionnaire().ifPresent(q -> q.questions().forEach(question -> blocks.add(field(
                SlackIds.QUESTION_PREFIX + question.id(), Cut.plain(question.text(), SlackLimits.INPUT_LABEL), true,
                "Answer every question to let the policy pick the class.",
                staticSelect(s -> s.actionId(SlackIds.INPUT).placeholder(plainText("Choose"))
                        .options(question.answers().stream().limit(SlackLimits.SELECT_OPTIONS)
                                .map(a -> option(plainText(clip(a.label())), a.value())).toList()))))));
        for (var field : TEXT_FIELDS) {
            blocks.add(text(blockId(field), label(field), null, field != ChangeField.SYSTEMS_AFFECTED, true,
                    SlackLimits.TEXT_INPUT, requiredFor(policy, field)));
        }
        blocks.add(field(SlackIds.ENVIRONMENT, "Environment", false, null, staticSelect(s -> s.actionId(SlackIds.INPUT)
                .placeholder(plainText("Choose"))
                .options(policy.environments().stream().limit(SlackLimits.SELECT_OPTIONS)
                        .map(e -> option(plainText(clip(policy.environmentLabel(e))), e)).toList()))));
        blocks.add(field(SlackIds.RISK, "Risk", false, null, staticSelect(s -> s.actionId(SlackIds.INPUT)
                .placeholder(plainText("Choose"))
                .options(Arrays.stream(Risk.values()).map(r -> option(plainText(r.label()), r.name())).toList()))));
        for (var field : EXTRA_FIELDS) {
            var hint = requiredFor(policy, field);
            if (hint != null) {
                blocks.add(text(blockId(field), label(field), null, true, true, SlackLimits.TEXT_INPUT, hint));
            }
        }
        blocks.add(field(SlackIds.PROPOSED_START, "Proposed start", false, null,
                datetimePicker(d -> d.actionId(SlackIds.INPUT).initialDateTime(Integer.valueOf((int) start)))));
        blocks.add(field(SlackIds.EXPECTED_DURATION, "Expected duration (minutes)", false, null,
                numberInput(n -> n.actionId(SlackIds.INPUT).decimalAllowed(false).minValue("1").initialValue("30"))));
        return view(v -> v.type("modal")
                .callbackId(SlackIds.NEW_CHANGE_MODAL)
                .privateMetadata(ChangeRef.inChannel(originChannelId).encode())
                .title(viewTitle(t -> t.type("plain_text").text("New change request")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Submit")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    private static LayoutBlock serviceChoice(Policy policy, Optional<Service> chosen) {
        var options = policy.services().values().stream().limit(SlackLimits.SELECT_OPTIONS)
                .map(s -> option(plainText(clip(s.label())), s.name())).toList();
        var initial = chosen.map(s -> option(plainText(clip(s.label())), s.name())).orElse(null);
        return field(SlackIds.SERVICE, "Service", false, "Its class override and approval steps apply, if it has any.",
                staticSelect(s -> s.actionId(SlackIds.INPUT).placeholder(plainText("Choose")).options(options)
                        .initialOption(initial)));
    }

    private static LayoutBlock typeChoice(Policy policy, Optional<String> chosen) {
        var groups = new ArrayList<OptionGroupObject>();
        policy.matrix().byCategory().forEach((category, types) -> {
            if (groups.size() < SlackLimits.SELECT_OPTIONS && !types.isEmpty()) {
                groups.add(OptionGroupObject.builder().label(plainText(clip(words(category))))
                        .options(types.keySet().stream().limit(SlackLimits.SELECT_OPTIONS)
                                .map(type -> typeOption(category, type)).toList()).build());
            }
        });
        var initial = chosen.map(t -> typeOption(t.substring(0, t.indexOf('/')), t.substring(t.indexOf('/') + 1)))
                .orElse(null);
        return field(SlackIds.CHANGE_TYPE, "Type of change", true, "Its approvers from the policy's approval matrix"
                        + (policy.matrix().combine() == ApprovalMatrix.Combine.ADD ? " sign before the class's." : " replace the class's."),
                staticSelect(s -> s.actionId(SlackIds.INPUT).placeholder(plainText("Choose")).optionGroups(groups)
                        .initialOption(initial)));
    }

    /** "column removal" for database/column-removal; its value is the row's name. */
    private static OptionObject typeOption(String category, String type) {
        return option(plainText(clip(words(type))), category + "/" + type);
    }

    private static String words(String name) {
        return name.replace('-', ' ').replace('_', ' ');
    }

    private static LayoutBlock classChoice(Policy policy) {
        var requestable = policy.classes().values().stream().filter(c -> !c.emergency()).toList();
        boolean optional = policy.questionnaire().isPresent() || policy.defaultClass().isPresent();
        var hint = policy.questionnaire().isPresent() ? "Or answer the questions below and the policy picks it."
                : policy.defaultClass().map(d -> "Left empty, it is " + policy.classes().get(d).label() + ".").orElse(null);
        return field(SlackIds.CHANGE_CLASS, "Class of change", optional, hint, staticSelect(s -> s.actionId(SlackIds.INPUT)
                .placeholder(plainText("Choose"))
                .options(requestable.stream().limit(SlackLimits.SELECT_OPTIONS)
                        .map(c -> option(plainText(clip(c.label())), c.name())).toList())));
    }

    /** "Required for: Normal change, Major change", or null when no class asks for the field. */
    private static String requiredFor(Policy policy, ChangeField field) {
        var classes = policy.classes().values().stream().filter(c -> c.requiredFields().contains(field))
                .map(ChangeClass::label).collect(Collectors.joining(", "));
        return classes.isEmpty() ? null : clip("Required for: " + classes);
    }

    private static String label(ChangeField field) {
        var words = field.name().toLowerCase().replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String clip(String text) {
        return Cut.plain(text, SlackLimits.OPTION_TEXT);
    }

    private static LayoutBlock text(String blockId, String label, String initial, boolean multiline,
                                    boolean optional, int maxLength, String hint) {
        return field(blockId, label, optional, hint, plainTextInput(p -> p.actionId(SlackIds.INPUT)
                .multiline(multiline).maxLength(maxLength)
                .initialValue(initial == null || initial.isBlank() ? null : Cut.plain(initial.strip(), maxLength))));
    }

    private static LayoutBlock field(String blockId, String label, boolean optional, String hint, BlockElement element) {
        return input(i -> i.blockId(blockId).label(plainText(label)).optional(optional).element(element)
                .hint(hint == null ? null : plainText(hint)));
    }
}
