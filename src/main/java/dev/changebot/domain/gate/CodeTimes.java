package dev.changebot.domain.gate;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * When the code a deployment carries was written, as its pipeline reports it: the commit's time
 * and the moment its pull request was opened. Lead time starts at the earlier of the two when a
 * pipeline says (POL-012: "PR open → production"); without them it starts at the request.
 */
public record CodeTimes(Optional<Instant> committedAt, Optional<Instant> pullRequestOpenedAt) {

    public static final CodeTimes NONE = new CodeTimes(Optional.empty(), Optional.empty());

    /** The earlier of the two times given, if any was. */
    public Optional<Instant> earliest() {
        return Stream.of(committedAt, pullRequestOpenedAt).flatMap(Optional::stream).min(Instant::compareTo);
    }
}
