package dev.changebot.scheduling;

import java.util.function.LongSupplier;

/**
 * When a trim of the C heap is worth its 10–15 ms: the process did work (at least {@code busyCpuNanos} of
 * CPU in the window of {@code busyEveryNanos} just ended: the JIT frees its arenas when a compilation ends,
 * which the resident set does not show), or it grew by {@code growthBytes} over the lowest it has been
 * since the last trim (a compilation's peak, trimmed within a look rather than at the next busy trim). Idle,
 * neither holds, and nothing is trimmed. Where the resident set is unknown, only work counts. One thread at a
 * time ({@link NativeHeapTrim}'s task).
 */
final class WhenToTrim {

    /** The readings one look needs: resident bytes (negative: unknown), process CPU and a monotonic clock in ns. */
    record Meters(LongSupplier residentBytes, LongSupplier cpuNanos, LongSupplier nanoTime) {
    }

    private final long growthBytes;
    private final long busyCpuNanos;
    private final long busyEveryNanos;
    private final Meters meters;
    private long lowest = Long.MAX_VALUE;
    private long windowStart;
    private long cpuAtWindowStart;

    WhenToTrim(long growthBytes, long busyCpuNanos, long busyEveryNanos, Meters meters) {
        this.growthBytes = growthBytes;
        this.busyCpuNanos = busyCpuNanos;
        this.busyEveryNanos = busyEveryNanos;
        this.meters = meters;
        this.windowStart = meters.nanoTime().getAsLong();
        this.cpuAtWindowStart = meters.cpuNanos().getAsLong();
    }

    /** Runs {@code trim} if it is worth it now; true when it did. */
    boolean trimIfWorthIt(Runnable trim) {
        long resident = meters.residentBytes().getAsLong();
        long now = meters.nanoTime().getAsLong();
        boolean grown = resident >= 0 && resident - lowest >= growthBytes;
        boolean busy = false;
        if (now - windowStart >= busyEveryNanos) {
            long cpu = meters.cpuNanos().getAsLong();
            busy = cpu - cpuAtWindowStart >= busyCpuNanos;
            windowStart = now;
            cpuAtWindowStart = cpu;
        }
        if (!grown && !busy) {
            if (resident >= 0) {
                lowest = Math.min(lowest, resident);
            }
            return false;
        }
        trim.run();
        // What the trim left is the mark: growth it cannot undo (the Java heap's pages) is not trimmed again.
        long left = meters.residentBytes().getAsLong();
        lowest = left >= 0 ? left : Long.MAX_VALUE;
        return true;
    }
}
