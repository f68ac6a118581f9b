package dev.changebot.scheduling;

import dev.changebot.application.port.TimerAlarms;
import dev.changebot.application.port.TimerStore;
import dev.changebot.application.port.Transactions;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Quartz job per timer in the clustered JDBC store: it survives restarts, fires on one node,
 * and is recovered on another if its node dies mid-job ({@code requestRecovery}). A misfired
 * trigger fires at once. At start-up, and every minute for timers that are late, every pending
 * timer is made sure to have an alarm ringing no later than it is due: a timer that came due while
 * every node was down fires right after start-up, through Quartz like any other, so the ring is
 * itself recoverable and start-up is not held up by a backlog.
 */
@Singleton
class QuartzTimerAlarms implements TimerAlarms {

    private static final Logger LOG = LoggerFactory.getLogger(QuartzTimerAlarms.class);
    private static final Clock WALL_CLOCK = Clock.systemUTC();
    /** An alarm this much later than wanted is moved; below it, clocks merely disagree. */
    private static final Duration TOLERANCE = Duration.ofSeconds(1);
    /** A pending timer this late is checked for a lost alarm. */
    static final Duration LATE = Duration.ofMinutes(1);

    private final ClusteredScheduler clustered;
    private final TimerStore timers;
    private final Transactions transactions;
    private final Clock clock;

    QuartzTimerAlarms(ClusteredScheduler clustered, TimerStore timers, Transactions transactions, Clock clock) {
        this.clustered = clustered;
        this.timers = timers;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void ring(long timerId, Instant at) {
        var jobKey = JobKey.jobKey("timer-" + timerId, "timers");
        var triggerKey = TriggerKey.triggerKey("timer-" + timerId, "timers");
        // Quartz fires on the wall clock; the app's clock may be a test's. What carries over is the delay.
        var delay = Duration.between(clock.instant(), at);
        var fireAt = WALL_CLOCK.instant().plus(delay.isNegative() ? Duration.ZERO : delay);
        var trigger = TriggerBuilder.newTrigger().withIdentity(triggerKey).forJob(jobKey).startAt(Date.from(fireAt))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow()).build();
        var scheduler = clustered.scheduler();
        try {
            if (!scheduler.checkExists(jobKey)) {
                var job = JobBuilder.newJob(TimerJob.class).withIdentity(jobKey).usingJobData(TimerJob.TIMER_ID, timerId)
                        .requestRecovery(true).build();
                scheduler.scheduleJob(job, trigger);
                return;
            }
            if (ringsLater(scheduler.getTrigger(triggerKey), fireAt)) {
                scheduler.rescheduleJob(triggerKey, trigger);
            }
        } catch (ObjectAlreadyExistsException anotherNodeArmedIt) {
            // Armed meanwhile by another node: it rings there.
        } catch (SchedulerException e) {
            // The row stays pending: the sweep for late timers arms it again.
            LOG.warn("Could not arm timer {}; the sweep for late timers will", timerId, e);
        }
    }

    /**
     * An existing alarm is left alone while it rings in time, and while its job runs or is being
     * recovered on another node (its trigger then has no next fire time).
     */
    private static boolean ringsLater(Trigger existing, Instant fireAt) {
        return existing != null && existing.getNextFireTime() != null
                && existing.getNextFireTime().toInstant().isAfter(fireAt.plus(TOLERANCE));
    }

    @EventListener
    void onStartup(StartupEvent event) {
        var pending = transactions.inTransaction(timers::pending);
        pending.forEach(timer -> ring(timer.id(), timer.dueAt()));
        if (!pending.isEmpty()) {
            LOG.info("{} pending timers armed at start-up", pending.size());
        }
    }

    /** Late timers whose alarm was lost (arming failed, a ring failed on a database error) ring now. */
    void sweepLate() {
        for (var timer : transactions.inTransaction(() -> timers.pendingDueBefore(clock.instant().minus(LATE)))) {
            ring(timer.id(), timer.dueAt());
        }
    }
}
