package dev.changebot.slack.view;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import dev.changebot.application.evidence.EvidenceRecords.ChangeTrail;
import dev.changebot.application.evidence.EvidenceRecords.TrailEntry;
import dev.changebot.domain.evidence.RecordedEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * `/change audit CHG-n`: the change's trail in order — each chain entry with who, what, when,
 * whether its hash recomputes and links to the one before, and whether a signed checkpoint covers
 * it; events recorded but not chained yet come last, marked so. A page holds {@value #PER_PAGE}
 * lines, well inside a message's 50 blocks.
 */
public final class AuditTrailView {

    public static final int PER_PAGE = 20;

    private AuditTrailView() {
    }

    public static String text(ChangeTrail trail, int page) {
        return "Audit trail of " + trail.change().id() + ", page " + page + " of " + pages(trail);
    }

    public static List<LayoutBlock> blocks(ChangeTrail trail, int page) {
        var lines = lines(trail);
        int pages = pages(trail);
        int shown = Math.min(Math.max(page, 1), pages);
        var blocks = new ArrayList<LayoutBlock>();
        var change = trail.change();
        blocks.add(section(s -> s.text(markdownText(Mrkdwn.clip("*Audit trail of " + change.id() + "* — "
                + Mrkdwn.escapeWithin(change.title(), 200) + "\n" + summary(trail), SlackLimits.SECTION_TEXT)))));
        var slice = lines.subList((shown - 1) * PER_PAGE, Math.min(lines.size(), shown * PER_PAGE));
        slice.forEach(line -> blocks.add(section(s -> s.text(markdownText(Mrkdwn.clip(line, SlackLimits.SECTION_TEXT))))));
        var footer = "Page " + shown + " of " + pages
                + (shown < pages ? " — next: `/change audit " + change.id() + " " + (shown + 1) + "`" : "")
                + ". ✅ hash recomputes and links · 🔏 covered by a signed checkpoint (its signature is checked by"
                + " `audit verify`) · ⏳ recorded, not chained yet.";
        blocks.add(context(c -> c.elements(List.of(markdownText(footer)))));
        return blocks;
    }

    static int pages(ChangeTrail trail) {
        return Math.max(1, (lines(trail).size() + PER_PAGE - 1) / PER_PAGE);
    }

    private static String summary(ChangeTrail trail) {
        long broken = trail.entries().stream().filter(e -> !e.hashValid() || !e.linked()).count();
        var chained = trail.entries().size() + (trail.entries().size() == 1 ? " entry" : " entries") + " in the audit chain";
        var state = broken == 0 ? (trail.entries().isEmpty() ? "" : ", all verified")
                : ", *" + broken + " failing verification*";
        var pending = trail.unchained() == 0 ? "" : "; " + trail.unchained() + (trail.unchained() == 1 ? " event" : " events")
                + " recorded but not chained yet";
        return chained + state + pending + ".";
    }

    private static List<String> lines(ChangeTrail trail) {
        var lines = new ArrayList<String>();
        trail.entries().forEach(entry -> lines.add(line(entry)));
        var events = trail.change().events();
        // The sequencer chains a workspace's rows in the order they were written: the ones still
        // waiting are the newest.
        events.subList(Math.max(0, events.size() - trail.unchained()), events.size())
                .forEach(event -> lines.add(pending(event)));
        return lines;
    }

    private static String line(TrailEntry entry) {
        var verified = entry.hashValid() && entry.linked() ? "✅" : "❌ " + (entry.hashValid() ? "does not link" : "hash differs");
        return verified + (entry.checkpointed() ? " 🔏" : "") + " #" + entry.seq() + " *" + entry.kind() + "* — "
                + (entry.actorId().isEmpty() ? "" : Mrkdwn.user(entry.actorId()) + " — ") + Mrkdwn.time(entry.at());
    }

    private static String pending(RecordedEvent event) {
        return "⏳ *" + event.type() + "* — " + Mrkdwn.user(event.actorId()) + " — " + Mrkdwn.time(event.at());
    }
}
