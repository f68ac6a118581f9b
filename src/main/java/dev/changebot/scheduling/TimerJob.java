package dev.changebot.scheduling;

import dev.changebot.application.FireTimer;
import jakarta.inject.Singleton;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Rings one durable timer; everything it decides is in {@link FireTimer}, which makes a second ring harmless. */
@Singleton
public class TimerJob implements Job {

    static final String TIMER_ID = "timerId";

    private final FireTimer fireTimer;

    public TimerJob(FireTimer fireTimer) {
        this.fireTimer = fireTimer;
    }

    @Override
    public void execute(JobExecutionContext context) {
        fireTimer.fire(context.getMergedJobDataMap().getLong(TIMER_ID));
    }
}
