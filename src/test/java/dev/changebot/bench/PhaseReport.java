package dev.changebot.bench;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints one server's phase: ack latency, slow and failed acks, per kind when asked, and the cost. */
final class PhaseReport {

    /** Slack's limit for an ack. */
    private static final double SLACK_ACK_MILLIS = 3000;
    /** How much of each statement's text the report shows. */
    private static final int QUERY_WIDTH = 150;

    private PhaseReport() {
    }

    static void print(String server, String phase, int rate, List<Sample> samples, PhaseCost cost, boolean byKind,
                      double generatorLatenessMillis) {
        System.out.printf(Locale.ROOT, "%n== %s, %s: %d requests at %d/s (generator late by at most %.1f ms)%n",
                server, phase, samples.size(), rate, generatorLatenessMillis);
        System.out.println("  " + latencyLine("all", samples));
        if (byKind) {
            samples.stream().collect(Collectors.groupingBy(Sample::kind, () -> new EnumMap<>(RequestKind.class),
                    Collectors.toList())).forEach((kind, ofKind) -> System.out.println("  " + latencyLine(kind.label(), ofKind)));
        }
        int n = samples.size();
        double postgres = cost.postgresCpuMillis() / n;
        System.out.printf(Locale.ROOT, "  CPU per request: server process %.2f ms, PostgreSQL %s ms, total %s ms;"
                        + " server RSS %d MB at the end (peak during the phase %d MB)%n", cost.serverCpuMillis() / n,
                Double.isNaN(postgres) ? "n/a" : String.format(Locale.ROOT, "%.2f", postgres),
                String.format(Locale.ROOT, "%.2f", cost.serverCpuMillis() / n + (Double.isNaN(postgres) ? 0 : postgres)),
                cost.rssKb() / 1024, cost.peakRssKb() / 1024);
        if (!cost.postgresCounters().isEmpty()) {
            System.out.println("  PostgreSQL per request: " + perRequest(cost.postgresCounters(), n));
            System.out.println("  PostgreSQL CPU per request by process: " + cost.postgresCpuMillisByProcess().entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / n))
                    .collect(Collectors.joining(", ")) + " ms");
        }
        printThreads(cost.serverCpuMillisByThread(), n);
        if (!byKind) {
            printStatements(cost.statements(), n);
        }
    }

    /** The server's CPU per request by thread group (request threads, event loop, JIT, GC, outbox...). */
    private static void printThreads(Map<String, Double> byThread, int requests) {
        System.out.println("  server CPU per request by thread: " + byThread.entrySet().stream()
                .filter(e -> e.getValue() / requests >= 0.01)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / requests))
                .collect(Collectors.joining(", ")) + " ms");
    }

    /**
     * A phase of one kind of request: each statement it ran (those run at least once in 100 requests),
     * with calls, execution time and rows per request, so what a kind costs PostgreSQL can be read
     * statement by statement (the work after the ack and the probe's own few reads included).
     */
    static void printStatements(List<PostgresProbe.StatementTotals> statements, int requests) {
        if (statements.isEmpty()) {
            return;
        }
        System.out.println("  statements per request (calls, execution ms, rows, planning ms, plans;"
                + " pg_stat_statements):");
        for (var statement : statements) {
            double calls = statement.calls() / (double) requests;
            if (calls < 0.01) {
                continue;
            }
            var query = statement.query().replaceAll("\\s+", " ").strip();
            System.out.printf(Locale.ROOT, "    %5.2f  %6.3f ms  %7.2f rows  %6.3f ms  %5.2f  %s%n", calls,
                    statement.execMillis() / requests, statement.rows() / (double) requests, statement.planMillis() / requests,
                    statement.plans() / (double) requests,
                    query.length() > QUERY_WIDTH
                            ? query.substring(0, QUERY_WIDTH) + "…" : query);
        }
    }

    static String latencyLine(String label, List<Sample> samples) {
        var millis = samples.stream().filter(s -> s.status() != Sample.NO_ANSWER).mapToDouble(Sample::latencyMillis)
                .sorted().toArray();
        long slow = Arrays.stream(millis).filter(m -> m > SLACK_ACK_MILLIS).count();
        long unanswered = samples.stream().filter(s -> s.status() == Sample.NO_ANSWER).count();
        long non200 = samples.stream().filter(s -> !s.ok()).count();
        long tryAgain = samples.stream().filter(Sample::tryAgain).count();
        return String.format(Locale.ROOT, "%-17s n=%-6d p50 %7.1f  p90 %7.1f  p99 %7.1f  max %7.1f ms"
                        + "   over 3 s: %d   non-200: %d (no answer in 10 s: %d)   \"try again\": %d", label, samples.size(),
                percentile(millis, 50), percentile(millis, 90), percentile(millis, 99),
                millis.length == 0 ? Double.NaN : millis[millis.length - 1], slow, non200, unanswered, tryAgain);
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1))];
    }

    private static String perRequest(Map<String, Long> counters, int requests) {
        return counters.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / (double) requests))
                .collect(Collectors.joining(", "));
    }
}
