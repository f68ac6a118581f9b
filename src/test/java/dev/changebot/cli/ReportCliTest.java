package dev.changebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.changebot.support.MetricsHistory;
import dev.changebot.support.RunningApp;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `report --period P --format csv|json|md` on the hand-built November 2026 (MetricsHistory), in Berlin. */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportCliTest {

    private TestDatabase db;
    private Path policy;

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    void record(@TempDir Path dir) throws IOException {
        db = TestPostgres.freshDatabase();
        Flyway.configure().dataSource(db.url(), db.user(), db.password()).load().migrate();
        MetricsHistory.november2026(db);
        policy = dir.resolve("berlin.yaml");
        Files.writeString(policy, Files.readString(Path.of(RunningApp.TEST_POLICY))
                .replace("timezone: UTC", "timezone: Europe/Berlin"));
    }

    private Run run(String... args) {
        var command = new ReportCommand();
        command.clock = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);
        command.environmentVariables = Map.of("CHANGEBOT_POLICY", policy.toString(), "DATASOURCES_DEFAULT_URL", db.url(),
                "DATASOURCES_DEFAULT_USERNAME", db.user(), "DATASOURCES_DEFAULT_PASSWORD", db.password());
        var out = new StringWriter();
        var err = new StringWriter();
        int exit = new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    @DisplayName("csv, json and md carry the same numbers, periods read in the policy's zone")
    void formats() {
        var csv = run("--period", "2026-11", "--format", "csv");
        assertThat(csv.exit()).as(csv.err()).isZero();
        // 7 production successes over 30/7 weeks = 1.6333; CHG-8, requested 00:30 Berlin on 1 November, counts.
        assertThat(csv.out()).startsWith("metric,by,key,value,samples\r\n")
                .contains("deployment_frequency,all,all,1.6333,7\r\n", "lead_time_median_hours,all,all,3,5\r\n",
                        "emergency_ratio,all,all,0.125,8\r\n", "unauthorized_deployments,all,all,1,1\r\n");

        var json = run("--period", "2026-11", "--format", "json");
        assertThat(json.exit()).as(json.err()).isZero();
        var body = JsonParser.parseString(json.out()).getAsJsonObject();
        assertThat(body.get("period").getAsString()).isEqualTo("2026-11");
        assertThat(body.get("from").getAsString()).isEqualTo("2026-10-31T23:00:00.000000Z");
        assertThat(body.get("no_data").getAsBoolean()).isFalse();
        var rows = body.getAsJsonArray("metrics");
        var failure = rows.asList().stream().map(e -> e.getAsJsonObject())
                .filter(r -> r.get("metric").getAsString().equals("change_failure_rate") && r.get("by").getAsString().equals("all"))
                .findFirst().orElseThrow();
        assertThat(failure.get("value").getAsDouble()).isEqualTo(0.3333);
        assertThat(failure.get("samples").getAsLong()).isEqualTo(6);

        var md = run("--period", "2026-11", "--format", "md");
        assertThat(md.exit()).as(md.err()).isZero();
        assertThat(md.out()).contains("# Changebot report 2026-11", "Europe/Berlin", "| change_failure_rate | 0.3333 | 6 |",
                "## By class", "| standard | approval_latency_median_hours | 0 | 1 |");
    }

    @Test
    @DisplayName("an empty month is a report of zeros and no data; future, malformed periods and unknown formats are refused")
    void badInput() {
        var empty = run("--period", "2026-09", "--format", "md");
        assertThat(empty.exit()).isZero();
        assertThat(empty.out()).contains("No data", "| deployment_frequency | 0 | 0 |", "| lead_time_median_hours | no data | 0 |");
        assertThat(empty.err()).contains("No data in 2026-09");

        var future = run("--period", "2027-01", "--format", "csv");
        assertThat(future.exit()).isEqualTo(ChangebotCommand.UNUSABLE_INPUT);
        assertThat(future.err()).contains("starts after today");
        assertThat(future.out()).isEmpty();

        assertThat(run("--period", "2026-13").err()).contains("not a date in the calendar");
        var format = run("--period", "2026-11", "--format", "pdf");
        assertThat(format.exit()).isEqualTo(ChangebotCommand.USAGE);
        assertThat(format.err()).contains("csv, json or md");
    }

    @Test
    @DisplayName("the jar's command line knows `report`")
    void listed() {
        var out = new StringWriter();
        assertThat(ChangebotCommand.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "report", "--help")).isZero();
        assertThat(out.toString()).contains("--period", "--format");
    }
}
