package dev.changebot.scheduling;

import jakarta.inject.Singleton;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Every minute, on one node: a timer more than a minute late whose alarm is gone (its arming or
 * its ring failed while the database was away) is armed again. Usually finds nothing.
 */
@Singleton
@DisallowConcurrentExecution
public class LateTimersJob implements Job {

    private final QuartzTimerAlarms alarms;

    LateTimersJob(QuartzTimerAlarms alarms) {
        this.alarms = alarms;
    }

    @Override
    public void execute(JobExecutionContext context) {
        alarms.sweepLate();
    }
}
