package dev.changebot.domain.evidence;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/** How values read in the pack's CSV files: times in UTC (ISO 8601), lists joined by "; ". */
final class Texts {

    static final String UNKNOWN = "unknown";

    private Texts() {
    }

    static String time(Instant at) {
        return at == null ? "" : at.toString();
    }

    static String time(Optional<Instant> at) {
        return at.map(Instant::toString).orElse("");
    }

    static String list(Collection<String> values) {
        return String.join("; ", values);
    }

    static String yesNo(boolean yes) {
        return yes ? "yes" : "no";
    }
}
