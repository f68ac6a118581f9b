package dev.changebot.slack.view;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import dev.changebot.application.evidence.EvidenceRecords.TrailEntry;
import dev.changebot.application.evidence.ShowAuditTrail.VerifiedTrail;
import dev.changebot.domain.audit.TrailCheck;
import dev.changebot.domain.evidence.RecordedEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * `/change audit CHG-n`: the change's trail in order — each chain entry with who, what, when, and
 * what can be said of it (ShowAuditTrail): verified (the chain re-hashes up to a checkpoint at or
 * after it whose signature verifies), chained but not yet checkpointed, not verified (and why), or
 * at or after the chain's first break (named in the summary); events recorded but not chained yet
 * come last, marked so. A page holds {@value #PER_PAGE} lines, well inside a message's 50 blocks.
 */
public final class AuditTrailView {

    public static final int PER_PAGE = 20;

    private AuditTrailView() {
    }

    public static String text(VerifiedTrail trail, int page) {
        return "Audit trail of " + trail.trail().change().id() + ", page " + page + " of " + pages(trail);
    }

    public static List<LayoutBlock> blocks(VerifiedTrail trail, int page) {
        var lines = lines(trail);
        int pages = pages(trail);
        int shown = Math.min(Math.max(page, 1), pages);
        var blocks = new ArrayList<LayoutBlock>();
        var change = trail.trail().change();
        blocks.add(section(s -> s.text(markdownText(Mrkdwn.clip("*Audit trail of " + change.id() + "* — "
                + Mrkdwn.escapeWithin(change.title(), 200) + "\n" + summary(trail), SlackLimits.SECTION_TEXT)))));
        var slice = lines.subList((shown - 1) * PER_PAGE, Math.min(lines.size(), shown * PER_PAGE));
        slice.forEach(line -> blocks.add(section(s -> s.text(markdownText(Mrkdwn.clip(line, SlackLimits.SECTION_TEXT))))));
        var footer = "Page " + shown + " of " + pages
                + (shown < pages ? " — next: `/change audit " + change.id() + " " + (shown + 1) + "`" : "")
                + ". ✅ verified: the chain re-hashes from its first entry up to a checkpoint at or after it, whose"
                + " signature verifies with the published key · 🔗 chained, not yet checkpointed · ⚠️ not verified"
                + " · ❌ the chain breaks · ⏳ recorded, not chained yet.";
        blocks.add(context(c -> c.elements(List.of(markdownText(footer)))));
        return blocks;
    }

    static int pages(VerifiedTrail trail) {
        return Math.max(1, (lines(trail).size() + PER_PAGE - 1) / PER_PAGE);
    }

    private static String summary(VerifiedTrail verified) {
        var trail = verified.trail();
        var count = trail.entries().size();
        var chained = count + (count == 1 ? " entry" : " entries") + " in the audit chain";
        var state = new StringBuilder();
        for (var mark : TrailCheck.Mark.values()) {
            long n = verified.verdicts().stream().filter(v -> v.mark() == mark).count();
            if (n > 0) {
                state.append(state.length() == 0 ? ": " : ", ").append(n).append(' ').append(describe(mark));
            }
        }
        var pending = trail.unchained() == 0 ? "" : "; " + trail.unchained() + (trail.unchained() == 1 ? " event" : " events")
                + " recorded but not chained yet";
        var broken = verified.firstBreak().map(b -> "\n*The chain breaks at " + b + "*").orElse("");
        return chained + state + pending + "." + broken;
    }

    private static String describe(TrailCheck.Mark mark) {
        switch (mark) {
            case VERIFIED:
                return "verified";
            case CHAINED_NOT_CHECKPOINTED:
                return "chained, not yet checkpointed";
            case NOT_VERIFIED:
                return "*not verified*";
            default:
                return "*at or after the break*";
        }
    }

    private static List<String> lines(VerifiedTrail verified) {
        var trail = verified.trail();
        var lines = new ArrayList<String>();
        for (int i = 0; i < trail.entries().size(); i++) {
            lines.add(line(trail.entries().get(i), verified.verdicts().get(i)));
        }
        var events = trail.change().events();
        // The sequencer chains a workspace's rows in the order they were written: the ones still
        // waiting are the newest.
        events.subList(Math.max(0, events.size() - trail.unchained()), events.size())
                .forEach(event -> lines.add(pending(event)));
        return lines;
    }

    private static String line(TrailEntry entry, TrailCheck.Verdict verdict) {
        String mark;
        switch (verdict.mark()) {
            case VERIFIED:
                mark = "✅";
                break;
            case CHAINED_NOT_CHECKPOINTED:
                mark = "🔗 chained, not yet checkpointed —";
                break;
            case NOT_VERIFIED:
                mark = "⚠️ not verified (" + verdict.detail() + ") —";
                break;
            default:
                mark = "❌ " + verdict.detail() + " —";
                break;
        }
        var provenance = entry.via().map(via -> " (by " + via + (entry.roles().isEmpty() ? ""
                : ", as " + String.join(", ", entry.roles())) + ")").orElse("");
        return mark + " #" + entry.seq() + " *" + entry.kind() + "*" + Mrkdwn.escapeWithin(provenance, 300) + " — "
                + (entry.actorId().isEmpty() ? "" : Mrkdwn.user(entry.actorId()) + " — ") + Mrkdwn.time(entry.at());
    }

    private static String pending(RecordedEvent event) {
        return "⏳ *" + event.type() + "* — " + Mrkdwn.user(event.actorId()) + " — " + Mrkdwn.time(event.at());
    }
}
