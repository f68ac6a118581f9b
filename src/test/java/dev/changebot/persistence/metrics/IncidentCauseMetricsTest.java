package dev.changebot.persistence.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.changebot.application.metrics.ReportMetrics;
import dev.changebot.support.MetricsHistory;
import dev.changebot.support.TestPostgres;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A change linked to an incident as its cause counts as a failure in the change failure rate. */
class IncidentCauseMetricsTest {

    @Test
    @DisplayName("November's 2 failures of 6 deployed changes become 3 once CHG-1 is named the cause of an incident")
    void causeIsAFailure() {
        var db = TestPostgres.freshDatabase();
        Flyway.configure().dataSource(db.url(), db.user(), db.password()).load().migrate();
        MetricsHistory.november2026(db);
        var metrics = new ReportMetrics(new JdbcMetricsDatabase().at(db.url(), db.user(), db.password()),
                ZoneId.of("Europe/Berlin"), Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC));
        assertThat(rate(metrics)).isCloseTo(2 / 6.0, within(1e-9));

        db.rows("INSERT INTO incident (workspace_id, number, source, external_key, title, raw_severity, severity, services,"
                + " all_services, status, links, opened_at, resolved_at, updated_at) VALUES (?, 1, 'SLACK', 'k', 'Outage', 'SEV1',"
                + " 'SEV1', '{}', true, 'RESOLVED', '{}', now(), now(), now()) RETURNING number", MetricsHistory.WORKSPACE);
        db.rows("INSERT INTO incident_change (workspace_id, number, change_number, link, linked_by, linked_at)"
                + " VALUES (?, 1, 1, 'CAUSE', 'U0IC', now()) RETURNING number", MetricsHistory.WORKSPACE);
        assertThat(rate(metrics)).isCloseTo(3 / 6.0, within(1e-9));
    }

    private static double rate(ReportMetrics metrics) {
        var result = metrics.period(MetricsHistory.WORKSPACE, "2026-11", "production");
        return ((ReportMetrics.Reported) result).report().overall("change_failure_rate").value();
    }
}
