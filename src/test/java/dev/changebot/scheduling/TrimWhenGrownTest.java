package dev.changebot.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TrimWhenGrownTest {

    static final long MB = 1 << 20;

    final AtomicLong resident = new AtomicLong(280 * MB);
    final AtomicInteger trims = new AtomicInteger();
    /** A trim that gives back what the test says it does. */
    long givesBack;
    final TrimWhenGrown growth = new TrimWhenGrown(4 * MB, resident::get);

    @Test
    @DisplayName("an idle process is not trimmed: the first look marks where it is, and it does not grow")
    void idleIsNotTrimmed() {
        for (int i = 0; i < 100; i++) {
            assertThat(look()).isFalse();
        }
        resident.addAndGet(3 * MB);
        assertThat(look()).as("grown less than the threshold").isFalse();
        assertThat(trims).hasValue(0);
    }

    @Test
    @DisplayName("grown by the threshold: trimmed, and the mark is what the trim left")
    void grownIsTrimmedOnce() {
        look();
        givesBack = 20 * MB;
        resident.addAndGet(24 * MB);

        assertThat(look()).isTrue();
        assertThat(resident.get()).isEqualTo(284 * MB);
        assertThat(look()).as("nothing grew since").isFalse();
        resident.addAndGet(4 * MB);
        assertThat(look()).as("grown again from what the trim left").isTrue();
        assertThat(trims).hasValue(2);
    }

    @Test
    @DisplayName("growth a trim cannot give back is trimmed once, not at every look")
    void growthTrimCannotUndo() {
        look();
        resident.addAndGet(30 * MB);
        givesBack = 0;

        assertThat(look()).isTrue();
        for (int i = 0; i < 10; i++) {
            assertThat(look()).isFalse();
        }
        assertThat(trims).hasValue(1);
    }

    @Test
    @DisplayName("shrinking lowers the mark: growth is counted from the lowest point")
    void shrinkingLowersTheMark() {
        look();
        resident.addAndGet(-10 * MB);
        look();
        resident.addAndGet(5 * MB);

        assertThat(look()).as("5 MB over the lowest, though under the first mark").isTrue();
    }

    @Test
    @DisplayName("where the resident set cannot be read, every look trims")
    void unknownTrimsAlways() {
        var unknown = new TrimWhenGrown(4 * MB, () -> -1);

        assertThat(unknown.trimIfGrown(trims::incrementAndGet)).isTrue();
        assertThat(unknown.trimIfGrown(trims::incrementAndGet)).isTrue();
        assertThat(trims).hasValue(2);
    }

    private boolean look() {
        return growth.trimIfGrown(() -> {
            trims.incrementAndGet();
            resident.addAndGet(-givesBack);
        });
    }
}
