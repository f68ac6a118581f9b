package dev.changebot.domain.gate;

import java.util.Optional;

/** The CI run behind a change's latest check or deployment, as its pipeline named it: what its message links. */
public record PipelineRun(String url, Optional<String> provider, Optional<String> run) {

    /** The run a pipeline named, when it gave a link to it. */
    public static Optional<PipelineRun> of(GateRequest.Pipeline pipeline) {
        return pipeline.url().map(url -> new PipelineRun(url, pipeline.provider(), pipeline.run()));
    }

    /** "github run 1234", "run 1234", "pipeline run". */
    public String label() {
        var number = run.map(r -> "run " + r).orElse("pipeline run");
        return provider.map(p -> p + " " + number).orElse(number);
    }
}
