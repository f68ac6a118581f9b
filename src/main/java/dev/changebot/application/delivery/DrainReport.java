package dev.changebot.application.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one drain of the change messages did, for the log: how many went out and how long after the
 * state they show was announced (the lag an approver sees), and how many wait for a chat.update slot.
 * A drain that shows a backlog (a burst, lagging updates) is logged at INFO, everyday ones at DEBUG.
 */
final class DrainReport {

    static final Duration NOTABLE_LAG = Duration.ofSeconds(5);
    static final int NOTABLE_COUNT = QueueWorker.BATCH;
    private static final Logger LOG = LoggerFactory.getLogger(DrainReport.class);

    private final List<Duration> lags = new ArrayList<>();
    private int waiting;
    private Instant lastSlot;

    void delivered(Duration lag) {
        lags.add(lag);
    }

    void waitsForSlot(Instant slot) {
        waiting++;
        lastSlot = lastSlot == null || slot.isAfter(lastSlot) ? slot : lastSlot;
    }

    /** The lags of this drain, shortest first. */
    List<Duration> lags() {
        return lags.stream().sorted().toList();
    }

    void log() {
        if (lags.isEmpty() && waiting == 0) {
            return;
        }
        var sorted = lags();
        var max = sorted.isEmpty() ? Duration.ZERO : sorted.get(sorted.size() - 1);
        var line = String.format(Locale.ROOT, "Delivered %d change messages, lag from announcement p50 %d ms,"
                        + " p99 %d ms, max %d ms; %d more wait for chat.update slots%s", sorted.size(),
                percentile(sorted, 50).toMillis(), percentile(sorted, 99).toMillis(), max.toMillis(), waiting,
                lastSlot == null ? "" : " (the last at " + lastSlot + ")");
        if (max.compareTo(NOTABLE_LAG) >= 0 || sorted.size() + waiting >= NOTABLE_COUNT) {
            LOG.info(line);
        } else {
            LOG.debug(line);
        }
    }

    /** Nearest rank; zero when nothing was delivered. */
    static Duration percentile(List<Duration> sorted, int p) {
        if (sorted.isEmpty()) {
            return Duration.ZERO;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
