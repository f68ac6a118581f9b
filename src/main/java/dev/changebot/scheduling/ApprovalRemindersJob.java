package dev.changebot.scheduling;

import dev.changebot.application.change.RemindStaleApprovals;
import jakarta.inject.Singleton;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Every minute, on one node of the cluster: nudge stale approvals. Thin on purpose: what is due
 * and what was sent live in the database, so a missed or repeated run changes nothing.
 */
@Singleton
@DisallowConcurrentExecution
public class ApprovalRemindersJob implements Job {

    private final RemindStaleApprovals remind;

    public ApprovalRemindersJob(RemindStaleApprovals remind) {
        this.remind = remind;
    }

    @Override
    public void execute(JobExecutionContext context) {
        remind.run();
    }
}
