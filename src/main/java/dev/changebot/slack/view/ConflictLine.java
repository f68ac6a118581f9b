package dev.changebot.slack.view;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import dev.changebot.application.query.ChangeView;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.schedule.Conflict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * The open conflicts of a change on its message, one context line while there are any:
 * ":warning: Conflicts: CHG-7 (same service, @Bob, 14:00–15:00), CHG-8 (same person, @Ann, 16:00–17:00)".
 * Each other change once, with every kind it shares; the overlap is what the two share.
 */
final class ConflictLine {

    /** Other changes named on the line; `/change conflicts` lists them all. */
    static final int MAX_CHANGES = 5;

    private ConflictLine() {
    }

    static Optional<LayoutBlock> of(ChangeView view) {
        if (view.openConflicts().isEmpty() || !view.change().state().isOpen()) {
            return Optional.empty();
        }
        var byChange = new LinkedHashMap<ChangeId, List<Conflict>>();
        for (var conflict : view.openConflicts()) {
            conflict.other().ifPresent(o -> byChange.computeIfAbsent(o.id(), id -> new ArrayList<>()).add(conflict));
        }
        if (byChange.isEmpty()) {
            return Optional.empty();
        }
        var parts = new ArrayList<String>();
        byChange.values().stream().limit(MAX_CHANGES).forEach(conflicts -> parts.add(part(conflicts)));
        var text = ":warning: Conflicts: " + String.join(", ", parts);
        if (byChange.size() > MAX_CHANGES) {
            text += " …and " + (byChange.size() - MAX_CHANGES) + " more (`/change conflicts " + view.change().id() + "`)";
        }
        var line = Cut.mrkdwn(text, SlackLimits.SECTION_TEXT);
        return Optional.of(context(c -> c.blockId("change_conflicts").elements(List.of(markdownText(line)))));
    }

    /** "CHG-7 (same service, same person, @Bob, 14:00–15:00)". */
    private static String part(List<Conflict> conflicts) {
        var other = conflicts.get(0).other().orElseThrow();
        var kinds = conflicts.stream().map(c -> c.kind().label()).distinct().toList();
        var start = conflicts.stream().map(c -> c.overlap().start()).min(Instant::compareTo).orElseThrow();
        var end = conflicts.stream().map(c -> c.overlap().end()).max(Instant::compareTo).orElseThrow();
        return "*" + other.id() + "* (" + String.join(", ", kinds) + ", " + Mrkdwn.user(other.owner()) + ", "
                + ConflictNoticeText.span(start, end) + ")";
    }
}
