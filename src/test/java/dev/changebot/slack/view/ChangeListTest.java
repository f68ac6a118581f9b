package dev.changebot.slack.view;

import static dev.changebot.domain.change.ChangeFixtures.CHANNEL;
import static dev.changebot.domain.change.ChangeFixtures.NOW;
import static dev.changebot.domain.change.ChangeFixtures.REQUESTER;
import static dev.changebot.domain.change.ChangeFixtures.WORKSPACE;
import static dev.changebot.domain.change.ChangeFixtures.details;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.element.ButtonElement;
import dev.changebot.application.query.OpenChangesPage;
import dev.changebot.application.query.OpenChangesPage.Count;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.slack.ListCursor;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The words of `/change list` when counting stopped: "more than", and no last page it does not know. */
@DisplayName("/change list's words")
class ChangeListTest {

    @Test
    @DisplayName("a count that stopped says more than, and the page without a last page")
    void countThatStopped() {
        var page = new OpenChangesPage(changes(1, 30), 1, 35, Count.moreThan(1_000), Count.moreThan(970));

        assertThat(ChangeList.text(page)).startsWith("*Open changes (more than 1,000)* — page 1\n")
                .doesNotContain(" of ").contains("*CHG-1*", "*CHG-30*")
                .endsWith("…and more than 970 more: `/change list 2` shows the next 30.");
        assertThat(nextCursor(ChangeList.blocks(page))).isEqualTo(new ListCursor(30, 2).encode());
    }

    @Test
    @DisplayName("an exact count after a page that stopped counting in total is said exactly")
    void exactAfterOfACountThatStopped() {
        var page = new OpenChangesPage(changes(1_001, 1_030), 34, 35, Count.moreThan(1_000), Count.exactly(20));

        assertThat(ChangeList.text(page)).startsWith("*Open changes (more than 1,000)* — page 34\n")
                .endsWith("…and 20 more: `/change list 35` shows the next 20.");
    }

    @Test
    @DisplayName("an exact count keeps its words: how many, the page of how many")
    void exactCount() {
        var page = new OpenChangesPage(changes(1, 30), 1, 34, Count.exactly(1_000), Count.exactly(970));

        assertThat(ChangeList.text(page)).startsWith("*Open changes (1000)* — page 1 of 34\n")
                .endsWith("…and 970 more: `/change list 2` shows the next 30.");
    }

    private static List<Change> changes(long first, long last) {
        return LongStream.rangeClosed(first, last).mapToObj(n -> Change.request(new ChangeId(n), WORKSPACE, REQUESTER,
                CHANNEL, "normal", details(), NOW).change()).toList();
    }

    private static String nextCursor(List<com.slack.api.model.block.LayoutBlock> blocks) {
        return blocks.stream().filter(ActionsBlock.class::isInstance).map(ActionsBlock.class::cast)
                .flatMap(a -> a.getElements().stream()).map(ButtonElement.class::cast)
                .map(ButtonElement::getValue).findFirst().orElseThrow();
    }
}
