package dev.changebot.application.metrics;

import dev.changebot.domain.evidence.Period;
import dev.changebot.domain.evidence.PeriodReading;
import dev.changebot.domain.metrics.MetricsReport;
import dev.changebot.domain.metrics.MetricsWindow;
import dev.changebot.domain.policy.Policy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;

/**
 * A metrics report for a period asked for in words ({@code 2026-11}, {@code 2026-Q4}, two days):
 * read in the policy's time zone as evidence periods are, computed from one snapshot of the record.
 * A period that cannot be read or starts in the future is refused with what to write instead; one
 * with nothing in it is a report of zeros and "no data"; one still running covers what happened so far.
 */
@Singleton
public class ReportMetrics {

    private final MetricFactsReader facts;
    private final ZoneId zone;
    private final Clock clock;

    @Inject
    public ReportMetrics(MetricFactsReader facts, Policy policy, Clock clock) {
        this(facts, policy.zone(), clock);
    }

    /** For the command line, which reads the policy's zone itself. */
    public ReportMetrics(MetricFactsReader facts, ZoneId zone, Clock clock) {
        this.facts = facts;
        this.zone = zone;
        this.clock = clock;
    }

    /** The report, or why not. */
    public sealed interface Result {
    }

    /** The report and the facts it was computed from (the chart's weeks are drawn from the same snapshot). */
    public record Reported(MetricsReport report, dev.changebot.domain.metrics.MetricFacts facts) implements Result {
    }

    public record Refused(String reason) implements Result {
    }

    /** A period such as 2026-11 or 2026-Q4; {@code target} is the environment DORA keys are about. */
    public Result period(String workspaceId, String text, String target) {
        return report(workspaceId, PeriodReading.read(text, zone, today()), target);
    }

    /** From one day to another, both included (the API's from and to), for one service or (null) all. */
    public Result between(String workspaceId, String from, String to, String service, String target) {
        return report(workspaceId, PeriodReading.between(from, to, zone, today()), service, target);
    }

    private Result report(String workspaceId, PeriodReading.Result read, String target) {
        return report(workspaceId, read, null, target);
    }

    private Result report(String workspaceId, PeriodReading.Result read, String service, String target) {
        if (read instanceof PeriodReading.Refused refused) {
            return new Refused(refused.reason().replace("there is no evidence yet", "there is nothing to report yet")
                    .replace("one pack covers", "one report covers").replace("export it in parts", "ask for it in parts"));
        }
        var window = window(((PeriodReading.Read) read).period(), target);
        var recorded = facts.read(workspaceId, window.from(), window.until());
        var facts = service == null ? recorded : recorded.ofService(service);
        return new Reported(MetricsReport.compute(facts, window), facts);
    }

    /** A period still running ends now: a rate per week is over the weeks that have passed. */
    private MetricsWindow window(Period period, String target) {
        var now = clock.instant();
        var until = now.isAfter(period.from()) && now.isBefore(period.until()) ? now : period.until();
        return new MetricsWindow(period.label(), period.from(), until, zone.getId(), now, target);
    }

    private java.time.LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }
}
