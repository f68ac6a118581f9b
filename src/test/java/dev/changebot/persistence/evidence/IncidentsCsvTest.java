package dev.changebot.persistence.evidence;

import static dev.changebot.support.EvidenceScenario.csv;
import static dev.changebot.support.EvidenceScenario.unzip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.evidence.EvidencePack;
import dev.changebot.domain.evidence.Period;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * incidents.csv in the evidence pack: every incident open at any time in the period (hand-built
 * rows in and around March 2026), read as the command line and the server read it, row by row and
 * column by column; hostile titles come out as text.
 */
class IncidentsCsvTest {

    static final String WORKSPACE = "T0INCCSV";
    static final Period MARCH = new Period("2026-03", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), ZoneOffset.UTC);
    static final String HOSTILE = "=HYPERLINK(\"http://evil\"), \"quoted\"\nsecond line";
    static TestDatabase db;

    @BeforeAll
    static void incidents() throws SQLException {
        db = TestPostgres.freshDatabase();
        Flyway.configure().dataSource(db.url(), db.user(), db.password()).load().migrate();
        // Open across the period's start, acknowledged before it.
        incident(WORKSPACE, 1, "PAGERDUTY", "PT4KHLK", HOSTILE, "P1", "SEV1", new String[] {"payments-api"}, false,
                "RESOLVED", new String[] {"https://acme.pagerduty.com/incidents/PT4KHLK"}, "2026-02-28T23:00:00Z",
                "2026-02-28T23:05:00Z", "2026-03-01T01:00:00Z", null);
        // Opened in the period, still open, on every service, with changes linked.
        incident(WORKSPACE, 2, "SLACK", "9f1c", "Checkout errors", "SEV2", "SEV2", new String[] {}, true, "TRIGGERED",
                new String[] {}, "2026-03-20T10:00:00Z", null, null, null);
        // Resolved before the period; opened after it; resolved exactly as it starts: none was open in it.
        incident(WORKSPACE, 3, "WEBHOOK", "ops-1", "Old", "SEV1", "SEV1", new String[] {}, true, "RESOLVED",
                new String[] {}, "2026-02-10T10:00:00Z", null, "2026-02-11T10:00:00Z", null);
        incident(WORKSPACE, 4, "WEBHOOK", "ops-2", "Later", "SEV1", "SEV1", new String[] {}, true, "TRIGGERED",
                new String[] {}, "2026-04-02T10:00:00Z", null, null, null);
        incident(WORKSPACE, 5, "WEBHOOK", "ops-3", "Just before", "SEV1", "SEV1", new String[] {}, true, "RESOLVED",
                new String[] {}, "2026-02-27T10:00:00Z", null, "2026-03-01T00:00:00Z", null);
        // Opened in the period's last minute, acknowledged after it; reopened in it.
        incident(WORKSPACE, 6, "INCIDENT_IO", "01FDAG4S", "Our database is sad", "Major", "SEV2",
                new String[] {"payments-api", "chat"}, false, "ACKNOWLEDGED",
                new String[] {"https://app.incident.io/incidents/123", "https://status.example.com/1"},
                "2026-03-31T23:59:00Z", "2026-04-01T00:10:00Z", null, "2026-03-31T23:59:30Z");
        // Another workspace's incident in the period.
        incident("T0OTHER", 1, "SLACK", "x", "Elsewhere", "SEV1", "SEV1", new String[] {}, true, "TRIGGERED",
                new String[] {}, "2026-03-05T10:00:00Z", null, null, null);
        link(2, 3, "REMEDIATION");
        link(2, 5, "REMEDIATION");
        link(2, 2, "CAUSE");
        link(1, 1, "CAUSE");
    }

    private static void incident(String workspace, long number, String source, String key, String title, String raw,
                                 String severity, String[] services, boolean all, String status, String[] links,
                                 String opened, String acknowledged, String resolved, String reopened) throws SQLException {
        try (var connection = db.connect(); var statement = connection.prepareStatement("INSERT INTO incident"
                + " (workspace_id, number, source, external_key, title, raw_severity, severity, services, all_services,"
                + " status, links, opened_at, acknowledged_at, resolved_at, reopened_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            var values = new ArrayList<Object>(List.of(workspace, number, source, key, title, raw, severity,
                    connection.createArrayOf("text", services), all, status, connection.createArrayOf("text", links),
                    time(opened)));
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            statement.setTimestamp(13, acknowledged == null ? null : time(acknowledged));
            statement.setTimestamp(14, resolved == null ? null : time(resolved));
            statement.setTimestamp(15, reopened == null ? null : time(reopened));
            statement.setTimestamp(16, time(opened));
            statement.executeUpdate();
        }
    }

    private static void link(long number, long change, String link) {
        db.rows("INSERT INTO incident_change (workspace_id, number, change_number, link, linked_by, linked_at)"
                + " VALUES (?, ?, ?, ?, 'U0IC', now()) RETURNING number", WORKSPACE, number, change, link);
    }

    private static Timestamp time(String iso) {
        return Timestamp.from(Instant.parse(iso));
    }

    private static List<CSVRecord> incidentsCsv() throws IOException {
        var data = new JdbcEvidenceDatabase().at(db.url(), db.user(), db.password()).read(WORKSPACE, MARCH);
        var pack = EvidencePack.build(data, MARCH, Instant.parse("2026-04-02T12:00:00Z"), "auditor", List.of());
        var files = unzip(pack.zip());
        assertThat(new String(files.get("README.txt"), StandardCharsets.UTF_8)).contains("incidents.csv");
        return csv(files.get("incidents.csv"));
    }

    @Test
    @DisplayName("the incidents open at any time in March, in number order, column by column")
    void rowsAndColumns() throws IOException {
        var rows = incidentsCsv();
        assertThat(rows).isNotEmpty();
        assertThat(rows.get(0).getParser().getHeaderNames()).containsExactly("id", "source", "provider_id", "title",
                "severity", "severity_sent", "services", "status", "triggered_at", "acknowledged_at", "resolved_at",
                "reopened_at", "links", "remediation_changes", "cause_changes");
        assertThat(rows).extracting(CSVRecord::values).containsExactly(
                new String[] {"INC-1", "PagerDuty", "PT4KHLK", "'" + HOSTILE, "SEV1", "P1", "payments-api", "resolved",
                        "2026-02-28T23:00:00Z", "2026-02-28T23:05:00Z", "2026-03-01T01:00:00Z", "",
                        "https://acme.pagerduty.com/incidents/PT4KHLK", "", "CHG-1"},
                new String[] {"INC-2", "Slack", "9f1c", "Checkout errors", "SEV2", "SEV2", "all services", "triggered",
                        "2026-03-20T10:00:00Z", "", "", "", "", "CHG-3; CHG-5", "CHG-2"},
                new String[] {"INC-6", "incident.io", "01FDAG4S", "Our database is sad", "SEV2", "Major",
                        "payments-api; chat", "acknowledged", "2026-03-31T23:59:00Z", "2026-04-01T00:10:00Z", "",
                        "2026-03-31T23:59:30Z", "https://app.incident.io/incidents/123; https://status.example.com/1", "",
                        ""});
    }

    @Test
    @DisplayName("a period without incidents gives the header alone")
    void empty() throws IOException {
        var february2025 = new Period("2025-02", LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 28), ZoneOffset.UTC);
        var data = new JdbcEvidenceDatabase().at(db.url(), db.user(), db.password()).read(WORKSPACE, february2025);
        var files = unzip(EvidencePack.build(data, february2025, Instant.parse("2026-04-02T12:00:00Z"), "auditor",
                List.of()).zip());
        assertThat(new String(files.get("incidents.csv"), StandardCharsets.UTF_8)).isEqualTo("id,source,provider_id,title,"
                + "severity,severity_sent,services,status,triggered_at,acknowledged_at,resolved_at,reopened_at,links,"
                + "remediation_changes,cause_changes\r\n");
    }
}
