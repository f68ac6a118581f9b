package dev.changebot.scheduling;

import dev.changebot.application.FireTimer;
import dev.changebot.application.TimerAlarms;
import dev.changebot.application.TimerStore;
import dev.changebot.application.Transactions;
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
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Quartz job per timer in the clustered JDBC store: it survives restarts, fires on one node,
 * and is recovered on another if its node dies mid-job. A misfired trigger fires at once. Timers
 * that came due while every node was down fire during start-up, before the app takes requests.
 */
@Singleton
class QuartzTimerAlarms implements TimerAlarms {

    private static final Logger LOG = LoggerFactory.getLogger(QuartzTimerAlarms.class);
    private static final Clock WALL_CLOCK = Clock.systemUTC();

    private final ClusteredScheduler clustered;
    private final TimerStore timers;
    private final FireTimer fireTimer;
    private final Transactions transactions;
    private final Clock clock;

    QuartzTimerAlarms(ClusteredScheduler clustered, TimerStore timers, FireTimer fireTimer, Transactions transactions,
                      Clock clock) {
        this.clustered = clustered;
        this.timers = timers;
        this.fireTimer = fireTimer;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void ring(long timerId, Instant at) {
        var key = JobKey.jobKey("timer-" + timerId, "timers");
        var job = JobBuilder.newJob(TimerJob.class).withIdentity(key).usingJobData(TimerJob.TIMER_ID, timerId)
                .requestRecovery(true).build();
        // Quartz fires on the wall clock; the app's clock may be a test's. What carries over is the delay.
        var delay = Duration.between(clock.instant(), at);
        var fireAt = WALL_CLOCK.instant().plus(delay.isNegative() ? Duration.ZERO : delay);
        var trigger = TriggerBuilder.newTrigger().withIdentity("timer-" + timerId, "timers").startAt(Date.from(fireAt))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow()).build();
        try {
            clustered.scheduler().scheduleJob(job, trigger);
        } catch (ObjectAlreadyExistsException alreadyArmed) {
            // Armed before (by this node or another): nothing to do.
        } catch (SchedulerException e) {
            // The row is pending: the start-up sweep of any node arms it again.
            LOG.warn("Could not arm timer {}; it will be armed at the next start", timerId, e);
        }
    }

    /** Fires what came due while nobody was running; arms what is still to come. */
    @EventListener
    void onStartup(StartupEvent event) {
        var now = clock.instant();
        for (var timer : transactions.inTransaction(timers::pending)) {
            if (!timer.dueAt().isAfter(now)) {
                fireTimer.fire(timer.id());
            } else {
                ring(timer.id(), timer.dueAt());
            }
        }
    }
}
