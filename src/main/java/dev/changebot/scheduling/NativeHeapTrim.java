package dev.changebot.scheduling;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.management.JMException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the C heap's free memory back to the system, as {@code jcmd <pid> System.trim_native_heap} does,
 * when that is worth it. glibc keeps what the JVM frees — chiefly the JIT compiler's arenas, about 20 MB
 * at their peak while C2 compiles the request path — resident for good; one trim under the ack benchmark
 * gave back 25 MB of RSS (docs/performance/ack-path-passes.md, "Fifth pass"). A trim costs 10–15 ms of
 * CPU: every 5 s it was 2.3 ms of CPU a second, a tenth of the idle bot's. So every
 * {@code changebot.memory.trim-interval} milliseconds (1 s; 0: never) it looks ({@link WhenToTrim}: the
 * resident set from /proc/self/statm and the process's CPU, microseconds): a trim every 5 s while the
 * process works (100 ms of CPU in those 5 s), as before, and one as soon as it has grown by
 * {@code changebot.memory.trim-growth} bytes (4 MB) since the last; idle, none. Done in the app rather than with
 * the JVM's -XX:TrimNativeHeapInterval so that every start gets it (java -jar, mvn exec:java, the image)
 * and a JVM without that flag still starts. Where the command does nothing (not glibc) the first answer
 * says so and the task stops asking.
 */
@Singleton
class NativeHeapTrim {

    private static final Logger LOG = LoggerFactory.getLogger(NativeHeapTrim.class);
    private static final String TRIMMED = "Trim native heap";
    private static final Path STATM = Path.of("/proc/self/statm");
    /** Linux's page size on the machines this runs on; statm counts pages. */
    private static final long PAGE_BYTES = 4096;
    /** Work since the last trim that makes the next one worth it, and how far apart such trims are. */
    private static final long BUSY_CPU_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long BUSY_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final RepeatingTask task;
    private final long intervalMillis;
    private final WhenToTrim when;
    private volatile boolean unavailable;

    @Inject
    NativeHeapTrim(@Value("${changebot.memory.trim-interval:1000}") long intervalMillis,
                   @Value("${changebot.memory.trim-growth:4194304}") long growthBytes) {
        this(intervalMillis, new WhenToTrim(growthBytes, BUSY_CPU_NANOS, BUSY_EVERY_NANOS,
                new WhenToTrim.Meters(NativeHeapTrim::residentBytes, NativeHeapTrim::cpuNanos, System::nanoTime)));
    }

    NativeHeapTrim(long intervalMillis, WhenToTrim when) {
        this.intervalMillis = intervalMillis;
        this.when = when;
        this.task = new RepeatingTask("native-heap-trim", intervalMillis, keepGoing -> look());
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (intervalMillis > 0) {
            task.start();
        }
    }

    /** One look: a trim if it is worth it. */
    void look() {
        if (!unavailable) {
            when.trimIfWorthIt(this::trim);
        }
    }

    /** The JVM's answer ("Trim native heap: RSS+Swap: 286M->260M (-25948K)"), or null when it cannot. */
    String trim() {
        if (unavailable) {
            return null;
        }
        try {
            var answer = String.valueOf(ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "systemTrimNativeHeap", null, null));
            if (!answer.startsWith(TRIMMED)) {
                unavailable = true;
                LOG.info("The C heap is not trimmed on this platform: {}", answer.strip());
                return null;
            }
            LOG.debug("{}", answer.strip());
            return answer.strip();
        } catch (JMException | RuntimeException e) {
            unavailable = true;
            LOG.info("The C heap is not trimmed: this JVM has no System.trim_native_heap ({})", e.toString());
            return null;
        }
    }

    /** The process's CPU so far, every thread (0 where the platform does not say). */
    static long cpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? Math.max(0, os.getProcessCpuTime()) : 0;
    }

    /** The resident set from /proc/self/statm (its second field, in pages); -1 where there is none. */
    static long residentBytes() {
        try {
            var fields = Files.readString(STATM).trim().split(" ");
            return Long.parseLong(fields[1]) * PAGE_BYTES;
        } catch (IOException | RuntimeException unreadable) {
            return -1;
        }
    }

    @PreDestroy
    void stop() {
        task.stop();
    }
}
