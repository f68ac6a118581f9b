package dev.changebot.slack.view;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import dev.changebot.application.query.ChangeView;
import java.util.List;
import java.util.Optional;

/** The CI run behind a change's latest gate check or deployment: one context line on its message. */
final class PipelineLine {

    /** A run's provider and number are a pipeline's words: kept short. */
    private static final int MAX_LABEL = 80;

    private PipelineLine() {
    }

    /** ":gear: Pipeline: <link|github run 4242>", when the run came with a web address. */
    static Optional<LayoutBlock> of(ChangeView view) {
        return view.pipeline().filter(run -> Mrkdwn.isWebLink(run.url())).map(run -> context(c -> c.elements(List.of(
                markdownText(":gear: Pipeline: <" + run.url() + "|" + Cut.userText(run.label(), MAX_LABEL) + ">")))));
    }
}
