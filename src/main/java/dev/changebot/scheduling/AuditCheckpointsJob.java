package dev.changebot.scheduling;

import dev.changebot.application.audit.TakeCheckpoints;
import dev.changebot.application.delivery.DeliverCheckpoints;
import jakarta.inject.Singleton;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Every minute, on one node of the cluster: sign the checkpoints that are due (a chain that grew,
 * the interval passed since its newest checkpoint), then post what waits for the audit channel. The
 * interval is the use case's, so changing it needs no change to the Quartz rows; the minute is only
 * how often it looks.
 */
@Singleton
@DisallowConcurrentExecution
public class AuditCheckpointsJob implements Job {

    private final TakeCheckpoints take;
    private final DeliverCheckpoints deliver;

    public AuditCheckpointsJob(TakeCheckpoints take, DeliverCheckpoints deliver) {
        this.take = take;
        this.deliver = deliver;
    }

    @Override
    public void execute(JobExecutionContext context) {
        run();
    }

    /** One run, as Quartz starts it; one at a time on a node (a test may run it while Quartz does). */
    public synchronized void run() {
        take.due();
        deliver.drain();
    }
}
