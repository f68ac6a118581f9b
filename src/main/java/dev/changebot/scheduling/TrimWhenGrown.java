package dev.changebot.scheduling;

import java.util.function.LongSupplier;

/**
 * When a trim of the C heap is worth its cost: the resident set has grown by {@code growthBytes} over the
 * lowest it has been since the last trim (what that trim left, or lower: memory given back otherwise
 * counts as given back). A trim that finds nothing to give back moves the mark to where the process is,
 * so growth the trim cannot undo (the Java heap's pages) is not trimmed again and again. Where the
 * resident set is unknown, every look trims. One thread at a time ({@link NativeHeapTrim}'s task).
 */
final class TrimWhenGrown {

    private final long growthBytes;
    private final LongSupplier residentBytes;
    private long lowest = Long.MAX_VALUE;

    TrimWhenGrown(long growthBytes, LongSupplier residentBytes) {
        this.growthBytes = growthBytes;
        this.residentBytes = residentBytes;
    }

    /** Runs {@code trim} if the process has grown enough; true when it did. */
    boolean trimIfGrown(Runnable trim) {
        long now = residentBytes.getAsLong();
        if (now >= 0 && now - lowest < growthBytes) {
            lowest = Math.min(lowest, now);
            return false;
        }
        trim.run();
        lowest = residentBytes.getAsLong();
        if (lowest < 0) {
            lowest = Long.MAX_VALUE;
        }
        return true;
    }
}
