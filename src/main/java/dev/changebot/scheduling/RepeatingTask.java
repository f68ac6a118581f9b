package dev.changebot.scheduling;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work run on a daemon thread of its own every so many milliseconds, told to stop between items
 * when the app shuts down, and kept going when one run fails (the database may be away for a moment;
 * the next run tries again).
 */
final class RepeatingTask {

    private static final Logger LOG = LoggerFactory.getLogger(RepeatingTask.class);

    private final String name;
    private final long intervalMillis;
    private final Consumer<BooleanSupplier> work;
    private ScheduledExecutorService executor;
    private volatile boolean stopping;

    /** {@code work} is given "keep going?", false once the app is stopping. */
    RepeatingTask(String name, long intervalMillis, Consumer<BooleanSupplier> work) {
        this.name = name;
        this.intervalMillis = intervalMillis;
        this.work = work;
    }

    void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            var thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runOnce, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void runOnce() {
        try {
            work.accept(() -> !stopping);
        } catch (RuntimeException e) {
            LOG.warn("{} failed; trying again in {} ms", name, intervalMillis, e);
        }
    }

    /** Waits up to 5 s for a run under way to notice. */
    void stop() {
        stopping = true;
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
