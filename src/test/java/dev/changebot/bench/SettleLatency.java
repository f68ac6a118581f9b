package dev.changebot.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How long each gate check took to settle after its deciding event: the arrival of the long-poll's
 * answer {@code allowed} minus the moment the deciding approve click was acked, both on the generator's
 * clock. Negative when the long-poll was answered before the click's own ack reached the generator
 * (the approval had committed and woken the gate before its answer was written back).
 */
final class SettleLatency {

    /** The bound: every check settled within 1 s of its deciding event. */
    static final double BOUND_MILLIS = 1000;

    private SettleLatency() {
    }

    /** One line of figures over {@code clicks} (one per check, each the deciding click of its change); what was late. */
    static List<Integer> print(String phase, List<Sample> clicks, LongPollClients clients) {
        var fromAck = new ArrayList<Double>();
        var fromSend = new ArrayList<Double>();
        var late = new ArrayList<Integer>();
        int clickFailed = 0;
        int unsettled = 0;
        for (var click : clicks) {
            if (!click.ok() || click.tryAgain()) {
                clickFailed++;
                continue;
            }
            var allowed = clients.allowedAt(click.change());
            if (allowed == null) {
                unsettled++;
                continue;
            }
            double millis = (allowed - click.answeredNanos()) / 1e6;
            fromAck.add(millis);
            fromSend.add((allowed - click.sentNanos()) / 1e6);
            if (millis > BOUND_MILLIS) {
                late.add(click.change());
            }
        }
        System.out.printf(Locale.ROOT, "  settle latency (allowed answer - deciding click's ack): n=%d  p50 %7.1f  p90 %7.1f"
                        + "  p99 %7.1f  max %7.1f ms   over 1 s: %d   never allowed: %d   deciding click failed: %d%n",
                fromAck.size(), p(fromAck, 50), p(fromAck, 90), p(fromAck, 99), max(fromAck), late.size(), unsettled,
                clickFailed);
        System.out.printf(Locale.ROOT, "  the same from the click's sending:                     p50 %7.1f  p90 %7.1f"
                + "  p99 %7.1f  max %7.1f ms%n", p(fromSend, 50), p(fromSend, 90), p(fromSend, 99), max(fromSend));
        var ofThisPhase = clicks.stream().map(Sample::change).toList();
        var failed = clients.failed().entrySet().stream().filter(e -> ofThisPhase.contains(e.getKey())).toList();
        if (!failed.isEmpty()) {
            System.out.println("  pipelines ended otherwise than allowed (" + phase + "): " + failed.size() + ", e.g. "
                    + failed.get(0));
        }
        return late;
    }

    private static double p(List<Double> values, double percentile) {
        return PhaseReport.percentile(values.stream().mapToDouble(Double::doubleValue).sorted().toArray(), percentile);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
