package dev.changebot.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.TestPostgres;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class NativeHeapTrimTest {

    @Test
    @DisplayName("on this JVM (Linux, glibc) a trim runs and the JVM says how much RSS it gave back")
    void trimsTheCHeap() {
        var trim = new NativeHeapTrim(0, 4 << 20);
        assertThat(trim.trim()).matches("Trim native heap: RSS\\+Swap: \\S+->\\S+ \\(\\S+\\)");
        assertThat(trim.trim()).as("and again: it stays available").startsWith("Trim native heap");
    }

    @Test
    @DisplayName("the app starts the trim's task: a thread of its own looks every interval")
    void theAppStartsIt() {
        try (var slack = FakeSlackApi.start();
             var app = RunningApp.start(TestPostgres.freshDatabase(), slack,
                     Map.of("changebot.memory.trim-interval", 1000))) {
            assertThat(app.bean(NativeHeapTrim.class)).isNotNull();
            assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName).contains("native-heap-trim");
        }
    }

    @Test
    @DisplayName("this process's resident set is read from /proc, as the JVM's own count has it")
    void readsTheResidentSet() {
        long resident = NativeHeapTrim.residentBytes();
        assertThat(resident).as("more than the heap in use, less than the machine").isGreaterThan(
                Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()).isLessThan(1L << 40);
    }
}
