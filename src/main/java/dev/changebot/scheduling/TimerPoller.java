package dev.changebot.scheduling;

import dev.changebot.application.change.FireDueTimers;
import dev.changebot.application.port.TimerAlarms;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires the durable timers on every node: change_timer is the due-time table, and this poller
 * claims its due rows ({@link FireDueTimers}: FOR UPDATE SKIP LOCKED, so nodes and workers never
 * fire one twice). It sleeps until the next timer is due by the app's clock, carried over as a
 * wall-clock delay (the clock may be a test's), but never longer than {@code max-sleep}, so a timer
 * armed on another node is seen in time; a timer armed on this node due sooner wakes it at once.
 * Nothing is done per pending timer at start-up: the first look fires whatever came due meanwhile,
 * on this thread, after start-up. This replaced one Quartz job per timer: arming 100,000 timers
 * made as many triggers, which Quartz's acquisition query and start-up re-arming walked through.
 */
@Singleton
public class TimerPoller implements TimerAlarms {

    /** A timer this late was missed by every poller (threads stuck or dead): the clustered sweep fires it. */
    static final Duration LATE = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(TimerPoller.class);
    /** A look that found a timer due yet could not claim it (another node is firing it) waits this long. */
    private static final Duration BUSY_ELSEWHERE = Duration.ofMillis(50);

    private final Provider<FireDueTimers> firing;
    private final ClusteredScheduler clustered;
    private final Clock clock;
    private final int threads;
    private final long maxSleepMillis;
    private final AtomicLong claims = new AtomicLong();
    private final Object monitor = new Object();
    /** When (app's clock) the sleeping poller looks next; null during a look. Guarded by monitor. */
    private Instant plannedLook;
    /** The earliest due time rung during the current look. Guarded by monitor. */
    private Instant rungDuringLook;
    private boolean woken;
    private volatile boolean stopping;
    private volatile String node = "unknown";
    private Thread poller;
    private ExecutorService helpers;

    /** The firing is looked up at start-up: it needs the change service, which rings this poller. */
    TimerPoller(Provider<FireDueTimers> firing, ClusteredScheduler clustered, Clock clock,
                @Value("${changebot.timers.threads:4}") int threads,
                @Value("${changebot.timers.max-sleep:500ms}") Duration maxSleep) {
        this.firing = firing;
        this.clustered = clustered;
        this.clock = clock;
        this.threads = Math.max(1, threads);
        this.maxSleepMillis = Math.max(1, maxSleep.toMillis());
    }

    @EventListener
    void onStartup(StartupEvent event) {
        try {
            // The scheduler's instance id names this node in fired_by, as the Quartz jobs did.
            node = clustered.scheduler().getSchedulerInstanceId();
        } catch (SchedulerException e) {
            LOG.warn("No scheduler instance id; timers fired here are recorded as fired by '{}'", node, e);
        }
        if (threads > 1) {
            var count = new AtomicInteger();
            helpers = Executors.newFixedThreadPool(threads - 1, r -> daemon(r, "timer-worker-" + count.incrementAndGet()));
        }
        poller = daemon(this::run, "timer-poller");
        poller.start();
    }

    /** This node's name in fired_by. */
    public String node() {
        return node;
    }

    /** Timers this node has claimed (fired, or failed and backed off) since it started. */
    public long claims() {
        return claims.get();
    }

    @Override
    public void ring(long timerId, Instant at) {
        synchronized (monitor) {
            if (plannedLook == null) {
                rungDuringLook = rungDuringLook == null || at.isBefore(rungDuringLook) ? at : rungDuringLook;
            } else if (at.isBefore(plannedLook)) {
                woken = true;
                monitor.notifyAll();
            }
        }
    }

    /** Fires, on the calling thread, every timer due now; how many were claimed. For tests and operators. */
    public int fireDue() {
        return fireAll(Duration.ZERO);
    }

    /** Fires the timers over a minute late that every poller missed (the clustered minute sweep). */
    void sweepLate() {
        int fired = fireAll(LATE);
        if (fired > 0) {
            LOG.warn("{} timers were over {} late: fired by the clustered sweep", fired, LATE);
        }
    }

    private void run() {
        while (!stopping && !Thread.currentThread().isInterrupted()) {
            synchronized (monitor) {
                plannedLook = null;
                rungDuringLook = null;
                woken = false;
            }
            Duration sleep;
            try {
                // A claim is a transaction; most looks find nothing due, and one read says so.
                var next = firing.get().nextClaimable();
                int claimed = 0;
                if (next != null && !next.isAfter(clock.instant())) {
                    claimed = look();
                    next = firing.get().nextClaimable();
                }
                sleep = sleepAfter(claimed, next);
            } catch (RuntimeException e) {
                // The database may be away for a moment: look again after the longest sleep.
                LOG.warn("Could not look for due timers; looking again in {} ms", maxSleepMillis, e);
                sleep = Duration.ofMillis(maxSleepMillis);
            }
            sleep(sleep);
        }
    }

    /** Claims until nothing is due; with more than one due, the helper threads claim alongside. */
    private int look() {
        if (fireOne(Duration.ZERO) == FireDueTimers.Result.NOTHING_DUE) {
            return 0;
        }
        int claimed = 1;
        if (helpers == null) {
            return claimed + fireAll(Duration.ZERO);
        }
        var workers = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < threads - 1; i++) {
            workers.add(() -> fireAll(Duration.ZERO));
        }
        var running = workers.stream().map(helpers::submit).toList();
        claimed += fireAll(Duration.ZERO);
        for (var worker : running) {
            try {
                claimed += worker.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return claimed;
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.warn("A timer worker failed", e.getCause());
            }
        }
        return claimed;
    }

    private int fireAll(Duration overdue) {
        int claimed = 0;
        while (!stopping && fireOne(overdue) != FireDueTimers.Result.NOTHING_DUE) {
            claimed++;
        }
        return claimed;
    }

    private FireDueTimers.Result fireOne(Duration overdue) {
        var result = firing.get().fireNext(node, overdue);
        if (result != FireDueTimers.Result.NOTHING_DUE) {
            claims.incrementAndGet();
        }
        return result;
    }

    /**
     * Until the next timer is claimable, at most max-sleep. One due now that this look could not
     * claim is being fired elsewhere: a short pause, not a spin, unless this look did work (then
     * more may have come due meanwhile) or this node armed one due now during the look.
     */
    private Duration sleepAfter(int claimed, Instant nextClaimable) {
        synchronized (monitor) {
            var next = nextClaimable;
            if (rungDuringLook != null && (next == null || rungDuringLook.isBefore(next))) {
                next = rungDuringLook;
            }
            if (next == null) {
                return Duration.ofMillis(maxSleepMillis);
            }
            var until = Duration.between(clock.instant(), next);
            if (!until.isNegative() && !until.isZero()) {
                return until.toMillis() > maxSleepMillis ? Duration.ofMillis(maxSleepMillis) : until;
            }
            boolean armedHereDueNow = rungDuringLook != null && !rungDuringLook.isAfter(clock.instant());
            return claimed > 0 || armedHereDueNow ? Duration.ZERO
                    : Duration.ofMillis(Math.min(maxSleepMillis, BUSY_ELSEWHERE.toMillis()));
        }
    }

    private void sleep(Duration sleep) {
        synchronized (monitor) {
            plannedLook = clock.instant().plus(sleep);
            long deadline = System.nanoTime() + sleep.toNanos();
            long left;
            while (!woken && !stopping && (left = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(monitor, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static Thread daemon(Runnable work, String name) {
        var thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Before the connection pool closes (this bean depends on it): the firing under way finishes. */
    @PreDestroy
    void stop() {
        stopping = true;
        synchronized (monitor) {
            monitor.notifyAll();
        }
        try {
            if (poller != null) {
                poller.join(TimeUnit.SECONDS.toMillis(10));
            }
            if (helpers != null) {
                helpers.shutdown();
                helpers.awaitTermination(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
