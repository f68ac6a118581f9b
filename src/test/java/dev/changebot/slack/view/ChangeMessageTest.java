package dev.changebot.slack.view;

import dev.changebot.domain.change.ApprovalVia;
import static dev.changebot.domain.change.ChangeFixtures.NOW;
import static dev.changebot.domain.change.ChangeFixtures.REQUESTER;
import static dev.changebot.domain.change.ChangeFixtures.REVIEWER;
import static dev.changebot.domain.change.ChangeFixtures.pendingChange;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.util.json.GsonFactory;
import dev.changebot.domain.rules.Acting;
import dev.changebot.domain.rules.ChangeCommand;
import dev.changebot.domain.policy.PolicyFixtures;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeDetails;
import dev.changebot.domain.change.ChangeFixtures;
import dev.changebot.domain.change.Risk;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("A change's Slack message")
class ChangeMessageTest {

    static final String BROADCAST = "<!channel>";

    @Test
    @DisplayName("offers Approve and Reject while the change waits for approval")
    void pendingChangeHasButtons() {
        var buttons = buttonsOf(ChangeMessage.channelBlocks(view(pendingChange())));

        assertThat(buttons).extracting(ButtonElement::getActionId)
                .containsExactly(SlackIds.APPROVE_BUTTON, SlackIds.REJECT_BUTTON);
    }

    @Test
    @DisplayName("buttons name the change they act on")
    void buttonsNameTheChange() {
        var buttons = buttonsOf(ChangeMessage.channelBlocks(view(pendingChange())));

        assertThat(buttons).allSatisfy(button -> assertThat(ChangeRef.decode(button.getValue()))
                .hasValueSatisfying(ref -> assertThat(ref.changeId()).isEqualTo(ChangeFixtures.FIRST)));
    }

    static Stream<Arguments> decidedChanges() {
        return Stream.of(
                Arguments.of("approved", (Consumer<Change>) c -> Acting.act(c, new ChangeCommand.Approve(ApprovalVia.COMMAND), REVIEWER, PolicyFixtures.REVIEWER_ROLES, PolicyFixtures.oneReviewer(), NOW)),
                Arguments.of("rejected", (Consumer<Change>) c -> Acting.act(c, new ChangeCommand.Reject("No rollback tested", dev.changebot.domain.change.ApprovalVia.COMMAND), REVIEWER, PolicyFixtures.REVIEWER_ROLES, PolicyFixtures.oneReviewer(), NOW)),
                Arguments.of("cancelled", (Consumer<Change>) c -> Acting.act(c, new ChangeCommand.Cancel(), REQUESTER, java.util.Set.of(), PolicyFixtures.oneReviewer(), NOW)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decidedChanges")
    @DisplayName("has no approve or reject buttons once the change is decided (an approved one offers Start)")
    void decidedChangeHasNoButtons(String decided, Consumer<Change> decide) {
        var change = pendingChange();
        decide.accept(change);

        var buttons = buttonsOf(ChangeMessage.channelBlocks(view(change)));
        assertThat(buttons).extracting(ButtonElement::getActionId)
                .containsExactlyElementsOf(decided.equals("approved") ? List.of(SlackIds.START_BUTTON) : List.of());
        assertThat(ChangeMessage.fallbackText(change)).endsWith("(" + decided + ")");
    }

    @Test
    @DisplayName("has no buttons in the private summary for `/change show`")
    void summaryHasNoButtons() {
        assertThat(ChangeMessage.summaryBlocks(view(pendingChange()))).noneMatch(ActionsBlock.class::isInstance);
    }

    @Test
    @DisplayName("says who approved once approved")
    void showsTheApprover() {
        var change = pendingChange();
        Acting.act(change, new ChangeCommand.Approve(ApprovalVia.COMMAND), REVIEWER, PolicyFixtures.REVIEWER_ROLES, PolicyFixtures.oneReviewer(), NOW);

        assertThat(mrkdwnTexts(ChangeMessage.channelBlocks(view(change))))
                .anySatisfy(text -> assertThat(text).contains("Step 1 · Review* — approved by <@U_BOB>"));
    }

    @Test
    @DisplayName("says who rejected it and why once rejected")
    void showsTheRejection() {
        var change = pendingChange();
        Acting.act(change, new ChangeCommand.Reject("No rollback tested", dev.changebot.domain.change.ApprovalVia.COMMAND), REVIEWER, PolicyFixtures.REVIEWER_ROLES, PolicyFixtures.oneReviewer(), NOW);

        assertThat(mrkdwnTexts(ChangeMessage.channelBlocks(view(change))))
                .anySatisfy(text -> assertThat(text).contains("Rejected by <@U_BOB>").contains("No rollback tested"));
    }

    @Test
    @DisplayName("shows user text escaped in every mrkdwn text, so it cannot ping the channel")
    void escapesUserTextEverywhere() {
        var change = pendingChange(everyFieldSaying(BROADCAST));
        Acting.act(change, new ChangeCommand.Reject(BROADCAST, dev.changebot.domain.change.ApprovalVia.COMMAND), REVIEWER, PolicyFixtures.REVIEWER_ROLES, PolicyFixtures.oneReviewer(), NOW);

        var texts = mrkdwnTexts(ChangeMessage.channelBlocks(view(change)));

        assertThat(texts).noneMatch(text -> text.contains(BROADCAST));
        assertThat(List.of("*Environment*", "*Systems affected*", "*Description*", "*Justification*",
                "*Implementation plan*", "*Rollback plan*", "*Testing evidence*", "Rejected by"))
                .allSatisfy(label -> assertThat(texts).anySatisfy(text ->
                        assertThat(text).contains(label).contains("&lt;!channel&gt;")));
        assertThat(ChangeMessage.fallbackText(change)).contains("&lt;!channel&gt;").doesNotContain(BROADCAST);
    }

    @Test
    @DisplayName("cuts a very long description to fit Slack's 3000-character section")
    void cutsALongDescription() {
        var change = pendingChange(ChangeFixtures.detailsDescribedAs("Rolls out <retry> logic. ".repeat(400)));

        var description = sectionTexts(ChangeMessage.channelBlocks(view(change))).stream()
                .filter(text -> text.startsWith("*Description*")).findFirst().orElseThrow();

        assertThat(description).hasSizeLessThanOrEqualTo(3000).endsWith("…");
    }

    @Test
    @DisplayName("keeps every block within Slack's limits however long the fields are")
    void staysWithinSlackLimits() {
        var change = pendingChange(everyFieldSaying("<&>".repeat(3000), "production"));
        Acting.act(change, new ChangeCommand.Reject("<&>".repeat(3000), dev.changebot.domain.change.ApprovalVia.COMMAND), REVIEWER, PolicyFixtures.REVIEWER_ROLES, PolicyFixtures.oneReviewer(), NOW);

        var blocks = ChangeMessage.channelBlocks(view(change));

        assertThat(sectionTexts(blocks)).extracting(String::length)
                .allSatisfy(length -> assertThat(length).isLessThanOrEqualTo(3000));
        assertThat(blocks).filteredOn(SectionBlock.class::isInstance).map(SectionBlock.class::cast)
                .filteredOn(section -> section.getFields() != null)
                .flatMap(SectionBlock::getFields)
                .extracting(field -> field.getText().length())
                .allSatisfy(length -> assertThat(length).isLessThanOrEqualTo(2000));
        assertThat(blocks).filteredOn(HeaderBlock.class::isInstance).map(HeaderBlock.class::cast)
                .extracting(header -> header.getText().getText().length())
                .allSatisfy(length -> assertThat(length).isLessThanOrEqualTo(150));
        assertThat(mrkdwnTexts(blocks)).extracting(String::length)
                .allSatisfy(length -> assertThat(length).isLessThanOrEqualTo(3000));
    }

    private static ChangeDetails everyFieldSaying(String text) {
        return everyFieldSaying(text, text);
    }

    /** Every free-text field says {@code text}; the environment is picked from a list in the form. */
    private static ChangeDetails everyFieldSaying(String text, String environment) {
        return new ChangeDetails(text.length() > 140 ? text.substring(0, 140) : text, text, text, text, environment,
                Risk.HIGH, text, text, text, NOW.plus(Duration.ofHours(1)), Duration.ofMinutes(90));
    }

    private static List<ButtonElement> buttonsOf(List<LayoutBlock> blocks) {
        return blocks.stream().filter(ActionsBlock.class::isInstance).map(ActionsBlock.class::cast)
                .flatMap(actions -> actions.getElements().stream()).map(ButtonElement.class::cast).toList();
    }

    private static List<String> sectionTexts(List<LayoutBlock> blocks) {
        return blocks.stream().filter(SectionBlock.class::isInstance).map(SectionBlock.class::cast)
                .filter(section -> section.getText() != null).map(section -> section.getText().getText()).toList();
    }

    /** Every {"type":"mrkdwn","text":...} in the blocks, as Slack will receive them. */
    @Test
    @DisplayName("links the pipeline run behind its latest check or deployment, and only a plain web address")
    void linksThePipelineRun() {
        var run = new dev.changebot.domain.gate.PipelineRun("https://ci.example/runs/4242", java.util.Optional.of("github"),
                java.util.Optional.of("4242"));
        var hostile = new dev.changebot.domain.gate.PipelineRun("javascript:alert(1)|<!channel>",
                java.util.Optional.of("<!here>"), java.util.Optional.empty());

        // Gson writes < and > as unicode escapes: read the JSON back as Slack would.
        var linked = GsonFactory.createSnakeCase().toJson(ChangeMessage.channelBlocks(view(pendingChange())
                .with(java.util.Optional.of(run)))).replace("\\u003c", "<").replace("\\u003e", ">");
        var refused = GsonFactory.createSnakeCase().toJson(ChangeMessage.channelBlocks(view(pendingChange())
                .with(java.util.Optional.of(hostile)))).replace("\\u003c", "<").replace("\\u003e", ">");

        assertThat(linked).contains("Pipeline: <https://ci.example/runs/4242|github run 4242>");
        assertThat(refused).doesNotContain("Pipeline", "javascript", "<!here>");
    }

    private static List<String> mrkdwnTexts(List<LayoutBlock> blocks) {
        var texts = new ArrayList<String>();
        collectMrkdwn(GsonFactory.createSnakeCase().toJsonTree(blocks), texts);
        return texts;
    }

    private static void collectMrkdwn(JsonElement json, List<String> texts) {
        if (json.isJsonArray()) {
            json.getAsJsonArray().forEach(element -> collectMrkdwn(element, texts));
        } else if (json.isJsonObject()) {
            var object = json.getAsJsonObject();
            if (object.has("type") && "mrkdwn".equals(object.get("type").getAsString())) {
                texts.add(object.get("text").getAsString());
            }
            object.entrySet().forEach(entry -> collectMrkdwn(entry.getValue(), texts));
        }
    }

    private static dev.changebot.application.query.ChangeView view(Change change) {
        var policy = PolicyFixtures.oneReviewer();
        return new dev.changebot.application.query.ChangeViews(policy).of(change);
    }
}
