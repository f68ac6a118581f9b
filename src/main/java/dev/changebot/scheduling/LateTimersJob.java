package dev.changebot.scheduling;

import jakarta.inject.Singleton;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Every minute, on one node of the cluster: a timer more than a minute late, which every node's
 * poller missed (its threads stuck or dead), is fired here. Usually finds nothing.
 */
@Singleton
@DisallowConcurrentExecution
public class LateTimersJob implements Job {

    private final TimerPoller poller;

    LateTimersJob(TimerPoller poller) {
        this.poller = poller;
    }

    @Override
    public void execute(JobExecutionContext context) {
        poller.sweepLate();
    }
}
