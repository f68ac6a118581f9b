package dev.changebot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class MostRecentlyIdleExecutorTest {

    private final List<Thread> started = Collections.synchronizedList(new ArrayList<>());
    private final ThreadFactory threads = task -> {
        var thread = new Thread(task, "worker-" + started.size());
        thread.setDaemon(true);
        started.add(thread);
        return thread;
    };
    private final MostRecentlyIdleExecutor executor = new MostRecentlyIdleExecutor(4, threads);

    @AfterEach
    void stop() throws InterruptedException {
        executor.shutdownNow();
        assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    @DisplayName("tasks that come one at a time all run on one thread (a fixed pool would start a thread for each)")
    void quietTrafficStaysOnOneThread() throws Exception {
        var ranOn = Collections.synchronizedSet(new java.util.HashSet<String>());
        for (int i = 0; i < 20; i++) {
            executor.submit(() -> ranOn.add(Thread.currentThread().getName())).get(5, TimeUnit.SECONDS);
            waitUntil(() -> allIdle(), "the worker is idle again");
        }
        assertThat(ranOn).containsExactly("worker-0");
        assertThat(started).hasSize(1);
    }

    @Test
    @DisplayName("the next task goes to the thread that went idle last")
    void theWarmestThreadGetsTheNextTask() throws Exception {
        var gates = List.of(new CountDownLatch(1), new CountDownLatch(1), new CountDownLatch(1));
        var running = new CountDownLatch(3);
        for (var gate : gates) {
            executor.execute(() -> {
                running.countDown();
                await(gate);
            });
        }
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 3; i++) {
            gates.get(i).countDown();
            int ended = i + 1;
            waitUntil(() -> idleCount() == ended, "worker " + i + " is idle");
        }
        var next = executor.submit(() -> Thread.currentThread().getName()).get(5, TimeUnit.SECONDS);
        assertThat(next).isEqualTo("worker-2");
    }

    @Test
    @DisplayName("never more threads than its bound: the rest queue until a thread is free")
    void bounded() throws Exception {
        var gate = new CountDownLatch(1);
        var atOnce = new AtomicInteger();
        var most = new AtomicInteger();
        var done = new CountDownLatch(10);
        for (int i = 0; i < 10; i++) {
            executor.execute(() -> {
                most.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
                await(gate);
                atOnce.decrementAndGet();
                done.countDown();
            });
        }
        assertThat(started).hasSize(4);
        // The four threads start on their own time: wait until all four are inside a task before opening the gate,
        // or "most" only shows how many had got there.
        waitUntil(() -> atOnce.get() == 4, "four tasks running");
        gate.countDown();
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(most).hasValue(4);
        assertThat(started).hasSize(4);
    }

    @Test
    @DisplayName("queued tasks run first in, first out")
    void queuedInOrder() throws Exception {
        var pool = new MostRecentlyIdleExecutor(1, threads);
        var gate = new CountDownLatch(1);
        var order = Collections.synchronizedList(new ArrayList<Integer>());
        pool.execute(() -> await(gate));
        for (int i = 0; i < 6; i++) {
            int n = i;
            pool.execute(() -> order.add(n));
        }
        gate.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(order).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    @DisplayName("a task that throws is reported and its thread goes on to the next task")
    void aFailingTaskKeepsItsThread() throws Exception {
        var reported = new AtomicInteger();
        var pool = new MostRecentlyIdleExecutor(1, task -> {
            var thread = threads.newThread(task);
            thread.setUncaughtExceptionHandler((t, e) -> reported.incrementAndGet());
            return thread;
        });
        pool.execute(() -> {
            throw new IllegalStateException("boom");
        });
        var next = pool.submit(() -> Thread.currentThread().getName()).get(5, TimeUnit.SECONDS);
        assertThat(next).isEqualTo("worker-0");
        assertThat(reported).hasValue(1);
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    @DisplayName("a thread that cannot start refuses the task, and the pool can still start one later")
    void aThreadThatCannotStart() throws Exception {
        var failNext = new java.util.concurrent.atomic.AtomicBoolean(true);
        var pool = new MostRecentlyIdleExecutor(1, task -> {
            if (failNext.getAndSet(false)) {
                // Started already (and not with the pool's worker): the pool's own start throws, as when the
                // machine has no native thread left.
                var spent = new Thread(() -> { });
                spent.start();
                return spent;
            }
            return threads.newThread(task);
        });
        assertThatThrownBy(() -> pool.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
        assertThat(pool.submit(() -> "ran").get(5, TimeUnit.SECONDS)).isEqualTo("ran");
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    @DisplayName("shut down: what was queued still runs, new work is refused, and every thread ends")
    void shutdownFinishesTheQueue() throws Exception {
        var gate = new CountDownLatch(1);
        var ran = new AtomicInteger();
        for (int i = 0; i < 8; i++) {
            executor.execute(() -> {
                await(gate);
                ran.incrementAndGet();
            });
        }
        executor.shutdown();
        assertThatThrownBy(() -> executor.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
        assertThat(executor.isTerminated()).isFalse();
        gate.countDown();
        assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).hasValue(8);
        for (var thread : started) {
            thread.join(5_000);
            assertThat(thread.isAlive()).as(thread.getName() + " ended").isFalse();
        }
    }

    @Test
    @DisplayName("shut down now: the queued tasks are handed back and the running ones interrupted")
    void shutdownNowInterrupts() throws Exception {
        var interrupted = new AtomicInteger();
        var running = new CountDownLatch(4);
        for (int i = 0; i < 6; i++) {
            executor.execute(() -> {
                running.countDown();
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    interrupted.incrementAndGet();
                }
            });
        }
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(executor.shutdownNow()).hasSize(2);
        assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(interrupted).hasValue(4);
    }

    private boolean allIdle() {
        return idleCount() == started.size();
    }

    private long idleCount() {
        return started.stream().filter(thread -> thread.getState() == Thread.State.WAITING
                && thread.getStackTrace().length > 0 && parkedIdle(thread)).count();
    }

    /** Parked in the executor's own wait for a task, not in a task's wait. */
    private static boolean parkedIdle(Thread thread) {
        for (var frame : thread.getStackTrace()) {
            if (frame.getMethodName().equals("nextTask")) {
                return true;
            }
        }
        return false;
    }

    private static void await(CountDownLatch gate) {
        try {
            assertThat(gate.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
