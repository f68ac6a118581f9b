package dev.changebot.scheduling;

import dev.changebot.application.delivery.PruneOutbox;
import jakarta.inject.Singleton;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Every hour, on one node: forget Slack posts settled long ago, and the keys of old Slack requests. */
@Singleton
@DisallowConcurrentExecution
public class PruneOutboxJob implements Job {

    private final PruneOutbox prune;

    public PruneOutboxJob(PruneOutbox prune) {
        this.prune = prune;
    }

    @Override
    public void execute(JobExecutionContext context) {
        prune.run();
    }
}
