package dev.changebot.scheduling;

import dev.changebot.application.change.FireTimer;
import jakarta.inject.Singleton;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Rings one durable timer; everything it decides is in {@link FireTimer}, which makes a second ring harmless. */
@Singleton
public class TimerJob implements Job {

    static final String TIMER_ID = "timerId";
    private static final Logger LOG = LoggerFactory.getLogger(TimerJob.class);

    private final FireTimer fireTimer;

    public TimerJob(FireTimer fireTimer) {
        this.fireTimer = fireTimer;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        long timerId = context.getMergedJobDataMap().getLong(TIMER_ID);
        String instance;
        try {
            instance = context.getScheduler().getSchedulerInstanceId();
        } catch (SchedulerException e) {
            instance = "unknown";
        }
        if (context.isRecovering()) {
            LOG.info("Timer {}: finishing a job that another instance started and did not finish", timerId);
        }
        try {
            fireTimer.fire(timerId, context.isRecovering() ? instance + " (recovered)" : instance);
        } catch (RuntimeException e) {
            // The row is still pending: refiring at once would likely fail the same way (the database
            // is away); the start-up sweep of the next node start, or the next recovery, tries again.
            LOG.warn("Timer {} could not fire", timerId, e);
            throw new JobExecutionException(e, false);
        }
    }
}
