package dev.changebot.slack.view;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.view.View;
import com.slack.api.model.view.Views;
import java.util.List;

/** The App Home when its contents could not be read: a sentence instead of a blank or stale tab. */
public final class HomeUnavailable {

    public static final String TEXT = "Changebot could not load your Home just now: its database did not answer. "
            + "Open this tab again in a minute; `/change list` shows the open changes.";

    private HomeUnavailable() {
    }

    public static View render() {
        return Views.view(v -> v.type("home").blocks(List.of(section(s -> s.text(markdownText(":warning: " + TEXT))))));
    }
}
