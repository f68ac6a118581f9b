package dev.changebot.config;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded pool of threads that gives each task to the thread that went idle <em>last</em>, and queues
 * tasks (first in, first out) while every thread is busy.
 *
 * <p>Why not a fixed {@link java.util.concurrent.ThreadPoolExecutor}: its idle threads wait on the
 * queue in turn, so at a steady 100 requests a second each task went to the thread idle the longest and
 * all 16 threads ran in rotation; each took its own pooled connection (HikariCP hands a thread the
 * connection it used last), so 16 PostgreSQL backends ran in rotation too, each woken every 160 ms with
 * its caches cold. Measured on one read by number at 100 a second: 0.10–0.15 ms of backend CPU a
 * statement on one connection, 0.46–0.56 ms on 16 in rotation (docs/performance/ack-path-tenth-session.md).
 * Here a quiet pool runs on one or two warm threads and connections, and a burst still gets every thread.
 */
public final class MostRecentlyIdleExecutor extends AbstractExecutorService {

    /** Handed to an idle thread to end it. */
    private static final Runnable STOP = () -> { };

    private final int maxThreads;
    private final ThreadFactory threads;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition allEnded = lock.newCondition();
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    /** Idle workers, the one idle least long first. */
    private final ArrayDeque<Worker> idle = new ArrayDeque<>();
    private final List<Worker> workers = new ArrayList<>();
    private int live;
    private boolean shutdown;
    private boolean stopping;

    public MostRecentlyIdleExecutor(int maxThreads, ThreadFactory threads) {
        if (maxThreads < 1) {
            throw new IllegalArgumentException("maxThreads must be at least 1, was " + maxThreads);
        }
        this.maxThreads = maxThreads;
        this.threads = Objects.requireNonNull(threads, "threads");
    }

    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        Worker handTo;
        lock.lock();
        try {
            if (shutdown) {
                throw new RejectedExecutionException("the executor is shut down");
            }
            handTo = idle.pollFirst();
            if (handTo == null) {
                if (live >= maxThreads) {
                    queue.addLast(task);
                    return;
                }
                handTo = start(task);
            } else {
                handTo.next = task;
            }
        } finally {
            lock.unlock();
        }
        LockSupport.unpark(handTo.thread);
    }

    /** A new worker whose first task is {@code task}; under the lock. */
    private Worker start(Runnable task) {
        var worker = new Worker(task);
        var thread = threads.newThread(worker);
        if (thread == null) {
            throw new RejectedExecutionException("the thread factory made no thread");
        }
        worker.thread = thread;
        workers.add(worker);
        live++;
        try {
            thread.start();
        } catch (RuntimeException | Error failure) {
            // No native thread to be had: the task is refused and the count stays true.
            workers.remove(worker);
            live--;
            throw new RejectedExecutionException("could not start a thread", failure);
        }
        return worker;
    }

    /** The worker's next task: the oldest queued, else whatever is handed to it once idle; null to end. */
    private Runnable nextTask(Worker worker) {
        lock.lock();
        try {
            var queued = queue.pollFirst();
            if (queued != null || shutdown) {
                return queued;
            }
            worker.next = null;
            idle.addFirst(worker);
        } finally {
            lock.unlock();
        }
        Runnable handed;
        while ((handed = worker.next) == null) {
            LockSupport.park(this);
            // An idle thread has nothing to interrupt (shutdownNow hands it STOP): a kept flag would make park spin.
            Thread.interrupted();
        }
        return handed == STOP ? null : handed;
    }

    private void ended(Worker worker) {
        lock.lock();
        try {
            workers.remove(worker);
            idle.remove(worker);
            live--;
            if (live == 0) {
                allEnded.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void shutdown() {
        List<Worker> toStop;
        lock.lock();
        try {
            shutdown = true;
            toStop = new ArrayList<>(idle);
            idle.clear();
            toStop.forEach(worker -> worker.next = STOP);
        } finally {
            lock.unlock();
        }
        toStop.forEach(worker -> LockSupport.unpark(worker.thread));
    }

    @Override
    public List<Runnable> shutdownNow() {
        List<Runnable> notRun;
        List<Worker> running;
        lock.lock();
        try {
            stopping = true;
            notRun = new ArrayList<>(queue);
            queue.clear();
            running = new ArrayList<>(workers);
        } finally {
            lock.unlock();
        }
        shutdown();
        running.forEach(worker -> worker.thread.interrupt());
        return notRun;
    }

    @Override
    public boolean isShutdown() {
        lock.lock();
        try {
            return shutdown;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isTerminated() {
        lock.lock();
        try {
            return shutdown && live == 0;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (!(shutdown && live == 0)) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = allEnded.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private boolean stopping() {
        lock.lock();
        try {
            return stopping;
        } finally {
            lock.unlock();
        }
    }

    private final class Worker implements Runnable {
        private final Runnable first;
        private volatile Runnable next;
        private Thread thread;

        Worker(Runnable first) {
            this.first = first;
        }

        @Override
        public void run() {
            try {
                for (var task = first; task != null; task = nextTask(this)) {
                    // A task that left its thread interrupted must not interrupt the next one's waits.
                    if (Thread.interrupted() && stopping()) {
                        Thread.currentThread().interrupt();
                    }
                    runOne(task);
                }
            } finally {
                ended(this);
            }
        }

        private void runOne(Runnable task) {
            try {
                task.run();
            } catch (RuntimeException | Error failure) {
                // As a thread pool's worker would report it, but the thread lives on: no new thread per failure.
                var current = Thread.currentThread();
                current.getUncaughtExceptionHandler().uncaughtException(current, failure);
            }
        }
    }
}
