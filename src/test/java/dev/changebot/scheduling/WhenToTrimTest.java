package dev.changebot.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WhenToTrimTest {

    static final long MB = 1 << 20;
    static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    final AtomicLong resident = new AtomicLong(280 * MB);
    final AtomicLong cpu = new AtomicLong();
    final AtomicLong clock = new AtomicLong();
    final AtomicInteger trims = new AtomicInteger();
    /** What a trim gives back. */
    long givesBack;
    final WhenToTrim when = new WhenToTrim(4 * MB, 100 * MS, 5 * SECOND,
            new WhenToTrim.Meters(resident::get, cpu::get, clock::get));

    @Test
    @DisplayName("idle (6 ms of CPU a second, the resident set still): no trim in ten minutes")
    void idleIsNotTrimmed() {
        for (int second = 0; second < 600; second++) {
            cpu.addAndGet(6 * MS);
            assertThat(lookAfterASecond()).isFalse();
        }
        assertThat(trims).hasValue(0);
    }

    @Test
    @DisplayName("busy (100 ms of CPU in 5 s): trimmed every 5 s, though the resident set did not grow")
    void busyIsTrimmedEveryFiveSeconds() {
        for (int second = 1; second <= 20; second++) {
            cpu.addAndGet(300 * MS);
            lookAfterASecond();
        }
        assertThat(trims).as("at 5, 10, 15 and 20 s").hasValue(4);
    }

    @Test
    @DisplayName("grown by 4 MB over the lowest since the last trim: trimmed at once, then the mark is what it left")
    void grownIsTrimmedAtOnce() {
        lookAfterASecond();
        givesBack = 20 * MB;
        resident.addAndGet(24 * MB);

        assertThat(lookAfterASecond()).isTrue();
        assertThat(lookAfterASecond()).as("nothing grew since").isFalse();
        resident.addAndGet(4 * MB);
        assertThat(lookAfterASecond()).as("grown again from what the trim left").isTrue();
    }

    @Test
    @DisplayName("growth a trim cannot give back (the Java heap) is trimmed once, not at every look")
    void growthTrimCannotUndo() {
        lookAfterASecond();
        resident.addAndGet(30 * MB);

        assertThat(lookAfterASecond()).isTrue();
        for (int i = 0; i < 10; i++) {
            assertThat(lookAfterASecond()).isFalse();
        }
        assertThat(trims).hasValue(1);
    }

    @Test
    @DisplayName("shrinking lowers the mark: growth counts from the lowest point")
    void shrinkingLowersTheMark() {
        lookAfterASecond();
        resident.addAndGet(-10 * MB);
        lookAfterASecond();
        resident.addAndGet(5 * MB);

        assertThat(lookAfterASecond()).as("5 MB over the lowest, though under the first mark").isTrue();
    }

    @Test
    @DisplayName("with the resident set unknown, work alone decides")
    void unknownResidentSet() {
        resident.set(-1);
        assertThat(lookAfterASecond()).isFalse();
        cpu.addAndGet(SECOND);
        for (int i = 0; i < 4; i++) {
            lookAfterASecond();
        }
        assertThat(trims).as("5 s after the start, with work done").hasValue(1);
    }

    private boolean lookAfterASecond() {
        clock.addAndGet(SECOND);
        return when.trimIfWorthIt(() -> {
            trims.incrementAndGet();
            resident.addAndGet(-givesBack);
        });
    }
}
