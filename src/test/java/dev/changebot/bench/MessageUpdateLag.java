package dev.changebot.bench;

import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.SlackCall;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How long after an approval's ack the change's channel message shows it: the time from the ack to
 * the first chat.update (or chat.postMessage) in that change's channel the fake Slack received after
 * the request was sent. Negative when the outbox delivered before the ack reached the generator.
 */
final class MessageUpdateLag {

    private MessageUpdateLag() {
    }

    /** Waits (at most {@code bound}) for every approval's message update, then prints the lag per phase. */
    static void print(FakeSlackApi slack, Map<Integer, PendingChanges.Message> messages,
                      Map<String, List<Sample>> approvalsByPhase, long boundSeconds) {
        var all = approvalsByPhase.values().stream().flatMap(List::stream).filter(Sample::ok).toList();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(boundSeconds);
        var lags = lags(slack, messages, all);
        while (lags.size() < all.size() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
            lags = lags(slack, messages, all);
        }
        long tryAgain = slack.calls("chat.postEphemeral").stream()
                .filter(c -> String.valueOf(c.param("text")).contains(LoadGenerator.TRY_AGAIN)).count();
        System.out.printf("%n  \"try again\" told privately (chat.postEphemeral) to approvers: %d%n", tryAgain);
        System.out.printf("  chat.update calls the fake Slack received: %d%n", slack.calls("chat.update").size());
        for (var phase : approvalsByPhase.entrySet()) {
            long approvals = phase.getValue().stream().filter(Sample::ok).count();
            var sorted = phase.getValue().stream().map(lags::get).filter(java.util.Objects::nonNull)
                    .mapToDouble(Double::doubleValue).sorted().toArray();
            if (sorted.length == 0) {
                // Not a lag of zero: at Slack's pace (50 a minute by default) the warm-up's thousands of approvals of
                // distinct messages are still ahead of these in the outbox when the bound ends.
                System.out.printf(Locale.ROOT, "  message-update lag after %s approvals: none of %d updated"
                        + " within %d s of the end: the outbox drains oldest first at the chat.update pace above,"
                        + " and earlier approvals' messages were still ahead (UPDATES_PER_MINUTE lifts the pace)%n",
                        phase.getKey(), approvals, boundSeconds);
                continue;
            }
            System.out.printf(Locale.ROOT, "  message-update lag after %s approvals: p50 %.0f  p90 %.0f  p99 %.0f"
                            + "  max %.0f ms   (%d of %d updated within %d s of the end)%n", phase.getKey(),
                    PhaseReport.percentile(sorted, 50), PhaseReport.percentile(sorted, 90),
                    PhaseReport.percentile(sorted, 99), sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1],
                    sorted.length, approvals, boundSeconds);
        }
    }

    private static Map<Sample, Double> lags(FakeSlackApi slack, Map<Integer, PendingChanges.Message> messages,
                                            List<Sample> approvals) {
        var byChannel = new HashMap<String, List<SlackCall>>();
        for (var call : slack.calls()) {
            if (call.method().equals("chat.update") || call.method().equals("chat.postMessage")) {
                byChannel.computeIfAbsent(call.param("channel"), c -> new ArrayList<>()).add(call);
            }
        }
        var lags = new HashMap<Sample, Double>();
        for (var sample : approvals) {
            var calls = byChannel.getOrDefault(messages.get(sample.change()).channel(), List.of());
            calls.stream().filter(c -> c.receivedNanos() >= sample.sentNanos()).findFirst()
                    .ifPresent(c -> lags.put(sample, (c.receivedNanos() - sample.answeredNanos()) / 1e6));
        }
        return lags;
    }
}
