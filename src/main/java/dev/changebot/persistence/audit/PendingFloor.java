package dev.changebot.persistence.audit;

import java.util.ArrayDeque;

/**
 * Below which id every row of a source table is known to be chained, so that looking for rows
 * not chained yet reads only the newest part of the table, not all its history at every poll.
 * Ids are taken when a row is written but seen only at its commit, so a smaller id may appear
 * after a larger one: the floor moves only up to the largest id seen at an earlier look whose
 * transactions have all ended since — as soon as the database says every transaction open now began
 * after that look ({@link TableLook}), usually the next pass, else {@link #SETTLED_NANOS} after it (the
 * app's transactions run for seconds at most) — never past a row still waiting, and it falls back to
 * 0 every {@link #RESCAN_NANOS}, when the whole table is looked through again. Per node, in memory: a
 * restarted node starts at 0.
 */
final class PendingFloor {

    static final long SETTLED_NANOS = 120_000_000_000L;
    static final long RESCAN_NANOS = 600_000_000_000L;

    private record Seen(long atNanos, TableLook look) {
    }

    private final ArrayDeque<Seen> seen = new ArrayDeque<>();
    private long floor;
    private long rescannedAtNanos = System.nanoTime();

    /** The id above which to look, now. */
    synchronized long floor() {
        if (System.nanoTime() - rescannedAtNanos > RESCAN_NANOS) {
            floor = 0;
            seen.clear();
            rescannedAtNanos = System.nanoTime();
        }
        return floor;
    }

    /**
     * After a look: {@code look} holds the table's largest id now, {@code lowestWaiting} the smallest
     * id found waiting (or null when none was).
     */
    synchronized void looked(TableLook look, Long lowestWaiting) {
        long now = System.nanoTime();
        seen.addLast(new Seen(now, look));
        long settled = -1;
        while (!seen.isEmpty() && settled(seen.peekFirst(), now, look)) {
            settled = seen.pollFirst().look().maxId();
        }
        if (settled < 0) {
            return;
        }
        long candidate = lowestWaiting == null ? settled : Math.min(settled, lowestWaiting - 1);
        floor = Math.max(floor, candidate);
    }

    /** Every transaction that could still add a row at or below what {@code earlier} saw has ended. */
    private static boolean settled(Seen earlier, long nowNanos, TableLook now) {
        if (nowNanos - earlier.atNanos() >= SETTLED_NANOS) {
            return true;
        }
        return now.oldestOpen() != null && earlier.look().at().isBefore(now.oldestOpen());
    }
}
