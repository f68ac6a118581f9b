package dev.changebot.application.query;

import static dev.changebot.domain.change.ChangeFixtures.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.application.DirectTransactions;
import dev.changebot.application.query.OpenChangesPage.Count;
import dev.changebot.domain.change.Change;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** `/change list`'s pages: the page asked for and counts that stop, however many changes are open. */
@DisplayName("A page of the open changes")
class FindChangesTest {

    static final int PER_PAGE = 30;

    final HomeOverviewTest.SlicedChanges open = new HomeOverviewTest.SlicedChanges();
    final FindChanges find = new FindChanges(null, open, null, new DirectTransactions());

    @Test
    @DisplayName("up to 1,000 open changes are counted exactly")
    void exactUpToTheLimit() {
        open.pending(1_000);

        var page = find.openPage(WORKSPACE, 1, PER_PAGE);

        assertThat(page.total()).isEqualTo(Count.exactly(1_000));
        assertThat(page.pages()).isEqualTo(34);
        assertThat(page.after()).isEqualTo(Count.exactly(970));
        assertThat(numbers(page)).startsWith(1L).endsWith(30L);
    }

    @Test
    @DisplayName("past 1,000 open changes the count stops: more than 1,000, and more than 970 after the first page")
    void countStopsPastTheLimit() {
        open.pending(5_000);

        var page = find.openPage(WORKSPACE, 1, PER_PAGE);

        assertThat(page.total()).isEqualTo(Count.moreThan(1_000));
        assertThat(page.after()).isEqualTo(Count.moreThan(970));
        assertThat(page.page()).isEqualTo(1);
        assertThat(numbers(page)).startsWith(1L).endsWith(30L);
        assertThat(open.countLimits).containsExactly(1_001L);
    }

    @Test
    @DisplayName("a page beyond 1,000 is shown, counting only a page past it")
    void deepPageCountsOnlyAPagePastIt() {
        open.pending(5_000);

        var page = find.openPage(WORKSPACE, 40, PER_PAGE);

        assertThat(page.page()).isEqualTo(40);
        assertThat(numbers(page)).startsWith(1_171L).endsWith(1_200L);
        assertThat(page.total()).isEqualTo(Count.moreThan(1_230));
        assertThat(page.after()).isEqualTo(Count.moreThan(30));
        assertThat(open.countLimits).containsExactly(1_231L);
    }

    @Test
    @DisplayName("a page past the end of a counted list is its last page")
    void pagePastTheEndIsTheLast() {
        open.pending(65);

        var page = find.openPage(WORKSPACE, 9, PER_PAGE);

        assertThat(page.page()).isEqualTo(3);
        assertThat(page.pages()).isEqualTo(3);
        assertThat(numbers(page)).containsExactly(61L, 62L, 63L, 64L, 65L);
        assertThat(page.after()).isEqualTo(Count.exactly(0));
    }

    @Test
    @DisplayName("the page after a cursor keeps its label and counts no further than 1,000 each way")
    void nextPageCountsStop() {
        open.pending(5_000);

        var page = find.openAfter(WORKSPACE, 1_200, 41, PER_PAGE);

        assertThat(page.page()).isEqualTo(41);
        assertThat(numbers(page)).startsWith(1_201L).endsWith(1_230L);
        assertThat(page.total()).isEqualTo(Count.moreThan(1_000));
        assertThat(page.after()).isEqualTo(Count.moreThan(1_000));
        assertThat(open.countLimits).containsExactly(1_001L, 1_001L);
    }

    @Test
    @DisplayName("the page after a cursor near the end says exactly how many follow")
    void nextPageNearTheEnd() {
        open.pending(1_050);

        var page = find.openAfter(WORKSPACE, 1_000, 34, PER_PAGE);

        assertThat(page.total()).isEqualTo(Count.moreThan(1_000));
        assertThat(numbers(page)).startsWith(1_001L).endsWith(1_030L);
        assertThat(page.after()).isEqualTo(Count.exactly(20));
    }

    private static java.util.List<Long> numbers(OpenChangesPage page) {
        return page.changes().stream().map(Change::id).map(id -> id.number()).toList();
    }
}
