package dev.changebot.application.metrics;

import dev.changebot.application.port.ReportPosts;
import dev.changebot.application.port.ReportPublisher;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.policy.Policy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The previous month's report, posted to the policy's reports channel on the first working day of
 * the month (its business calendar: weekends and holidays skipped). Run every weekday morning by a
 * clustered Quartz trigger; the claim in the database makes it once per workspace and month across
 * nodes and retries; a failed post gives the claim back for the next run.
 */
@Singleton
public class PostMonthlyReport {

    private static final Logger LOG = LoggerFactory.getLogger(PostMonthlyReport.class);

    private final ReportPublisher publisher;
    private final MetricFactsReader facts;
    private final ReportPosts posts;
    private final Transactions transactions;
    private final Policy policy;
    private final Clock clock;

    public PostMonthlyReport(ReportPublisher publisher, MetricFactsReader facts, ReportPosts posts,
                             Transactions transactions, Policy policy, Clock clock) {
        this.publisher = publisher;
        this.facts = facts;
        this.posts = posts;
        this.transactions = transactions;
        this.policy = policy;
        this.clock = clock;
    }

    /** Posts last month's report where it is due today; returns how many were posted. */
    public int runIfDue() {
        var channel = policy.reports().channel();
        if (channel.isEmpty() || !publisher.available()) {
            return 0;
        }
        var today = clock.instant().atZone(policy.zone()).toLocalDate();
        if (!today.equals(firstWorkingDay(YearMonth.from(today)))) {
            return 0;
        }
        var period = YearMonth.from(today).minusMonths(1).toString();
        int posted = 0;
        for (var workspace : facts.workspaces()) {
            if (!transactions.inTransaction(() -> posts.claim(workspace, period, clock.instant()))) {
                continue;
            }
            try {
                publisher.publish(workspace, channel.get(), period);
                posted++;
            } catch (Exception e) {
                LOG.warn("Could not post the {} report of {} to {}; the next run tries again", period, workspace,
                        channel.get(), e);
                transactions.inTransaction(() -> {
                    posts.release(workspace, period);
                    return null;
                });
            }
        }
        return posted;
    }

    /** The month's first day that is a business day of the policy. */
    LocalDate firstWorkingDay(YearMonth month) {
        var day = month.atDay(1);
        while (!policy.businessCalendar().isBusinessDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }
}
