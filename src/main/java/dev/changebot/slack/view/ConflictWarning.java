package dev.changebot.slack.view;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.view.View;
import com.slack.api.model.view.Views;
import dev.changebot.application.query.FindConflicts;
import java.util.List;

/** What the new-change form turns into when the change was recorded with conflicts: a warning, with the next free slot. */
public final class ConflictWarning {

    private ConflictWarning() {
    }

    public static View render(FindConflicts.Found found) {
        var text = ":warning: Requested " + found.change().id() + ", but it conflicts with what is already planned."
                + " It is recorded all the same; if the slot below suits better, `/change cancel " + found.change().id()
                + "` and request it again there (a change's window is not moved in place).\n\n"
                + ConflictsView.text(found);
        return Views.view(v -> v.type("modal")
                .title(Views.viewTitle(t -> t.type("plain_text").text("Change requested")))
                .close(Views.viewClose(c -> c.type("plain_text").text("OK")))
                .blocks(List.of(section(s -> s.text(markdownText(Cut.mrkdwn(text, SlackLimits.SECTION_TEXT)))))));
    }
}
