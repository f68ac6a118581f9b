package dev.changebot.scheduling;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the C heap's free memory back to the system every {@code changebot.memory.trim-interval}
 * milliseconds (0: never), as {@code jcmd <pid> System.trim_native_heap} does. glibc keeps what the JVM
 * frees — chiefly the JIT compiler's arenas, about 20 MB at their peak while C2 compiles the request
 * path — resident for good; one trim under the ack benchmark gave back 25 MB of RSS (docs/performance/ack-path-passes.md,
 * "Fifth pass"). Every 5 s rather than 30: under load the JIT takes the pages back within seconds, and
 * the shorter interval held 5–15 MB less with the same CPU and latency. Done in the app rather than with the JVM's -XX:TrimNativeHeapInterval so that every
 * start gets it (java -jar, mvn exec:java, the image) and a JVM without that flag still starts. Where the
 * command does nothing (not glibc) the first answer says so and the task stops asking.
 */
@Singleton
class NativeHeapTrim {

    private static final Logger LOG = LoggerFactory.getLogger(NativeHeapTrim.class);
    private static final String TRIMMED = "Trim native heap";

    private final RepeatingTask task;
    private final long intervalMillis;
    private volatile boolean unavailable;

    NativeHeapTrim(@Value("${changebot.memory.trim-interval:5000}") long intervalMillis) {
        this.intervalMillis = intervalMillis;
        this.task = new RepeatingTask("native-heap-trim", intervalMillis, keepGoing -> trim());
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (intervalMillis > 0) {
            task.start();
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

    @PreDestroy
    void stop() {
        task.stop();
    }
}
