package dev.changebot.scheduling;

import dev.changebot.application.metrics.PostMonthlyReport;
import jakarta.inject.Singleton;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Every weekday at 09:00 in the policy's zone, on one node: last month's report, if today is the month's first working day. */
@Singleton
@DisallowConcurrentExecution
public class MonthlyReportJob implements Job {

    /** Quartz cron: seconds, minutes, hours, day of month, month, day of week. */
    static final String EVERY_WEEKDAY_MORNING = "0 0 9 ? * MON-FRI";

    private final PostMonthlyReport poster;

    public MonthlyReportJob(PostMonthlyReport poster) {
        this.poster = poster;
    }

    @Override
    public void execute(JobExecutionContext context) {
        poster.runIfDue();
    }
}
