package dev.changebot.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class NativeHeapTrimTest {

    @Test
    @DisplayName("on this JVM (Linux, glibc) a trim runs and the JVM says how much RSS it gave back")
    void trimsTheCHeap() {
        var trim = new NativeHeapTrim(0, 4 << 20);
        assertThat(trim.trim()).matches("Trim native heap: RSS\\+Swap: \\S+->\\S+ \\(\\S+\\)");
        assertThat(trim.trim()).as("and again: it stays available").startsWith("Trim native heap");
    }

    @Test
    @DisplayName("this process's resident set is read from /proc, as the JVM's own count has it")
    void readsTheResidentSet() {
        long resident = NativeHeapTrim.residentBytes();
        assertThat(resident).as("more than the heap in use, less than the machine").isGreaterThan(
                Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()).isLessThan(1L << 40);
    }
}
