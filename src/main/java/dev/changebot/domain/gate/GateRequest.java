package dev.changebot.domain.gate;

import dev.changebot.domain.change.ChangeId;
import java.time.Instant;
import java.util.Optional;

/**
 * What a pipeline asks in a gate check, read and checked for form by the API: the change, or for a
 * pre-approved class the deploy itself (service, commit, ref, pipeline run, who ran it).
 *
 * @param changeClass for a check without a change: the pre-approved class (the policy's only one when absent)
 * @param deadline    a check still pending then is prevented
 */
public record GateRequest(Optional<ChangeId> change, Optional<String> service, String environment,
                          Optional<String> sha, Optional<String> ref, Optional<Pipeline> pipeline,
                          Optional<String> actor, Optional<String> changeClass, Optional<Instant> deadline) {

    /** The CI run asking: provider (github, gitlab...), its pipeline id, run and attempt, and a link. */
    public record Pipeline(Optional<String> provider, Optional<String> id, Optional<String> run,
                           Optional<String> attempt, Optional<String> url) {

        public String describe() {
            var parts = new java.util.ArrayList<String>();
            provider.ifPresent(parts::add);
            id.ifPresent(parts::add);
            run.ifPresent(r -> parts.add("run " + r));
            attempt.ifPresent(a -> parts.add("attempt " + a));
            return String.join(" ", parts) + url.map(u -> " (" + u + ")").orElse("");
        }
    }
}
