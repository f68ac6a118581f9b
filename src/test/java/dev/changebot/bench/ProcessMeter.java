package dev.changebot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU and memory of one server process, read from /proc as {@code top} would: user + system time
 * of all its threads (JIT, GC and background work included, which is what the server costs), and its
 * resident set, now and at its peak. Each server runs in a process of its own, so nothing of the
 * load generator or of another server is in its figures.
 */
record ProcessMeter(long pid) {

    /** Linux reports CPU time in clock ticks; 100 per second on every platform Java runs on here. */
    private static final double MILLIS_PER_TICK = 10.0;

    /** CPU milliseconds the process has used so far (user + system, fields 14 and 15 of /proc/pid/stat). */
    double cpuMillis() {
        var stat = read("stat");
        // The command name (field 2) may hold spaces; the fields that follow start after its ')'.
        var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK;
    }

    /**
     * CPU milliseconds so far by thread, threads grouped by name without their number (so the 16
     * "blocking-executor-thread-N" are one group; Linux keeps the first 15 characters of a name).
     * Threads that have ended are not counted: for the share of each group over a phase.
     */
    java.util.Map<String, Double> cpuMillisByThreadGroup() {
        var groups = new java.util.TreeMap<String, Double>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (var task : tasks.toList()) {
                try {
                    var name = Files.readString(task.resolve("comm")).strip().replaceAll("[-#_ ]?\\d+$", "");
                    var stat = Files.readString(task.resolve("stat"));
                    var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double millis = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK;
                    groups.merge(name, millis, Double::sum);
                } catch (IOException ended) {
                    // The thread ended while we looked.
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list the threads of " + pid + ": has the server died?", e);
        }
        return groups;
    }

    long rssKb() {
        return statusKb("VmRSS:");
    }

    /** The most the process has held resident (VmHWM) since it started, or since {@link #restartPeak}. */
    long peakRssKb() {
        return statusKb("VmHWM:");
    }

    /**
     * Starts the peak (VmHWM) over from the resident set now, so that a phase's peak is its own and
     * not the set-up's (Linux: "5" written to /proc/pid/clear_refs). Returns the peak it replaced.
     */
    long restartPeak() {
        long before = peakRssKb();
        try {
            Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot restart the resident peak of " + pid + ": " + e.getMessage(), e);
        }
        return before;
    }

    private long statusKb(String field) {
        return read("status").lines().filter(l -> l.startsWith(field))
                .map(l -> Long.parseLong(l.replaceAll("\\D+", ""))).findFirst().orElse(-1L);
    }

    private String read(String file) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), file));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read /proc/" + pid + "/" + file + ": has the server died?", e);
        }
    }
}
