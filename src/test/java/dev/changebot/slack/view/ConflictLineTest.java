package dev.changebot.slack.view;

import static dev.changebot.domain.change.ChangeFixtures.changeIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import dev.changebot.application.query.ChangeViews;
import dev.changebot.domain.calendar.TimeSpan;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.policy.PolicyFixtures;
import dev.changebot.domain.schedule.Conflict;
import dev.changebot.domain.schedule.ScheduledChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The "Conflicts:" line of a change's message: a pure function of the view, tested without Slack. */
class ConflictLineTest {

    static final Instant START = Instant.parse("2026-12-02T14:00:00Z");
    static final Instant END = Instant.parse("2026-12-02T15:00:00Z");
    final ChangeViews views = new ChangeViews(PolicyFixtures.oneReviewer());

    @Test
    @DisplayName("one part per other change, every kind it shares, its owner and the overlap, in each reader's time zone")
    void linePerOtherChange() {
        var seven = other(7, "U_BOB");
        var view = views.of(changeIn(ChangeState.PENDING_APPROVAL)).withConflicts(List.of(
                conflict(Conflict.Kind.SAME_SERVICE, seven, START, END),
                conflict(Conflict.Kind.SAME_PERSON, seven, START, Instant.parse("2026-12-02T14:30:00Z")),
                conflict(Conflict.Kind.SAME_SYSTEM, other(8, "U_CAROL"), Instant.parse("2026-12-02T14:30:00Z"), END)));

        assertThat(contexts(ChangeMessage.channelBlocks(view))).contains(":warning: Conflicts: *CHG-7* (same service,"
                + " same person, <@U_BOB>, <!date^" + START.getEpochSecond() + "^{date_short_pretty} {time}|2026-12-02"
                + " 14:00 UTC>–<!date^" + END.getEpochSecond() + "^{time}|15:00 UTC>), *CHG-8* (same system, <@U_CAROL>,"
                + " <!date^" + Instant.parse("2026-12-02T14:30:00Z").getEpochSecond() + "^{date_short_pretty} {time}|2026-12-02"
                + " 14:30 UTC>–<!date^" + END.getEpochSecond() + "^{time}|15:00 UTC>)");
    }

    @Test
    @DisplayName("no line without conflicts, nor once the change is no longer open")
    void noLine() {
        var conflicts = List.of(conflict(Conflict.Kind.SAME_SERVICE, other(7, "U_BOB"), START, END));

        assertThat(contexts(ChangeMessage.channelBlocks(views.of(changeIn(ChangeState.APPROVED)))))
                .noneMatch(t -> t.contains("Conflicts:"));
        assertThat(contexts(ChangeMessage.channelBlocks(views.of(changeIn(ChangeState.CANCELLED)).withConflicts(conflicts))))
                .noneMatch(t -> t.contains("Conflicts:"));
    }

    @Test
    @DisplayName("five other changes at most, then how many more and where to see them all")
    void cut() {
        var conflicts = new ArrayList<Conflict>();
        for (int n = 10; n < 17; n++) {
            conflicts.add(conflict(Conflict.Kind.SAME_SERVICE, other(n, "U_BOB"), START, END));
        }
        var view = views.of(changeIn(ChangeState.APPROVED)).withConflicts(conflicts);

        assertThat(contexts(ChangeMessage.channelBlocks(view))).anySatisfy(t -> assertThat(t)
                .contains("*CHG-14*").doesNotContain("*CHG-15*").endsWith(" …and 2 more (`/change conflicts CHG-1`)"));
    }

    private static ScheduledChange other(long number, String owner) {
        return new ScheduledChange(new ChangeId(number), "Other", "normal", "Normal change", owner, Optional.of("api"),
                "api", "production", "Medium", ChangeState.APPROVED, Optional.of(new TimeSpan(START, END)), "approved");
    }

    private static Conflict conflict(Conflict.Kind kind, ScheduledChange other, Instant start, Instant end) {
        return new Conflict(kind, Optional.of(other), Optional.empty(), new TimeSpan(start, end));
    }

    private static List<String> contexts(List<LayoutBlock> blocks) {
        return blocks.stream().filter(ContextBlock.class::isInstance).map(ContextBlock.class::cast)
                .flatMap(b -> b.getElements().stream()).filter(MarkdownTextObject.class::isInstance)
                .map(e -> ((MarkdownTextObject) e).getText()).toList();
    }
}
