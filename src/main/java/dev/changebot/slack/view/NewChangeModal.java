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
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import dev.changebot.domain.change.Risk;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** The form behind `/change new`: every field a reviewer needs to judge the change. */
public final class NewChangeModal {

    static final List<String> ENVIRONMENTS = List.of("production", "staging", "development");
    /** A sensible first guess for the start: an hour from now, on the minute. */
    static final Duration DEFAULT_LEAD = Duration.ofHours(1);

    private NewChangeModal() {
    }

    public static View render(String originChannelId, String titleHint, Instant now) {
        var start = now.plus(DEFAULT_LEAD).getEpochSecond() / 60 * 60;
        return view(v -> v.type("modal")
                .callbackId(SlackIds.NEW_CHANGE_MODAL)
                .privateMetadata(ChangeRef.inChannel(originChannelId).encode())
                .title(viewTitle(t -> t.type("plain_text").text("New change request")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Submit")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(
                        text(SlackIds.TITLE, "Title", titleHint, false, false, 150),
                        text(SlackIds.DESCRIPTION, "Description", null, true, false, 3000),
                        text(SlackIds.JUSTIFICATION, "Business justification", null, true, true, 3000),
                        text(SlackIds.SYSTEMS_AFFECTED, "Systems affected", null, false, false, 500),
                        field(SlackIds.ENVIRONMENT, "Environment", false, staticSelect(s -> s.actionId(SlackIds.INPUT)
                                .placeholder(plainText("Choose"))
                                .options(ENVIRONMENTS.stream().map(e -> option(plainText(e), e)).toList()))),
                        field(SlackIds.RISK, "Risk", false, staticSelect(s -> s.actionId(SlackIds.INPUT)
                                .placeholder(plainText("Choose"))
                                .options(riskOptions()))),
                        text(SlackIds.IMPLEMENTATION_PLAN, "Implementation plan", null, true, false, 3000),
                        text(SlackIds.ROLLBACK_PLAN, "Rollback plan", null, true, false, 3000),
                        text(SlackIds.TESTING_EVIDENCE, "Testing evidence", null, true, false, 3000),
                        field(SlackIds.PROPOSED_START, "Proposed start", false,
                                datetimePicker(d -> d.actionId(SlackIds.INPUT).initialDateTime(Integer.valueOf((int) start)))),
                        field(SlackIds.EXPECTED_DURATION, "Expected duration (minutes)", false,
                                numberInput(n -> n.actionId(SlackIds.INPUT).decimalAllowed(false)
                                        .minValue("1").initialValue("30"))))));
    }

    private static List<OptionObject> riskOptions() {
        return Arrays.stream(Risk.values()).map(r -> option(plainText(r.label()), r.name())).toList();
    }

    private static LayoutBlock text(String blockId, String label, String initial, boolean multiline,
                                    boolean optional, int maxLength) {
        return field(blockId, label, optional, plainTextInput(p -> p.actionId(SlackIds.INPUT)
                .multiline(multiline).maxLength(maxLength)
                .initialValue(initial == null || initial.isBlank() ? null : initial.strip())));
    }

    private static LayoutBlock field(String blockId, String label, boolean optional, BlockElement element) {
        return input(i -> i.blockId(blockId).label(plainText(label)).optional(optional).element(element));
    }
}
