package dev.changebot.api;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code process_resident_memory_bytes} and {@code process_virtual_memory_bytes}, named as
 * Prometheus's own clients name them: the RSS target (docs/performance.md) is about the process, which
 * the JVM's heap and buffer gauges only part explain. Read from /proc/self/status at each scrape;
 * where there is no /proc (not Linux) they are not registered.
 */
@Singleton
class ProcessMemoryGauges implements MeterBinder {

    private static final Path STATUS = Path.of("/proc/self/status");

    @Override
    public void bindTo(MeterRegistry registry) {
        if (!Files.isReadable(STATUS)) {
            return;
        }
        Gauge.builder("process.resident.memory", STATUS, status -> kilobytes(status, "VmRSS:") * 1024.0)
                .description("Resident set size of the process").baseUnit("bytes").register(registry);
        Gauge.builder("process.virtual.memory", STATUS, status -> kilobytes(status, "VmSize:") * 1024.0)
                .description("Virtual memory size of the process").baseUnit("bytes").register(registry);
    }

    /** The "Name:   1234 kB" line's number; NaN when it cannot be read. */
    static double kilobytes(Path status, String name) {
        try {
            for (var line : Files.readAllLines(status)) {
                if (line.startsWith(name)) {
                    var value = line.substring(name.length()).trim();
                    return Long.parseLong(value.substring(0, value.indexOf(' ')));
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
