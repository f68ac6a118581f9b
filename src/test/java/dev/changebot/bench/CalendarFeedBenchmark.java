package dev.changebot.bench;

import dev.changebot.application.calendar.CalendarFeeds;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.MutableClock;
import dev.changebot.support.RunningApp;
import dev.changebot.support.TestPostgres;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 17's feed benchmark: GET /calendar/{token}.ics over 10,000 open changes (written with SQL, each
 * with a planned window and a message) and a policy of 50 freezes (25 weekly, 15 fixed periods, 10 monthly
 * recurrences). Times the first build (cold), builds after the cache's minute, repeats served from the
 * cache (200 with the body) and conditional repeats (304). Usage: bench/calendar-feed.sh [changes]
 */
public final class CalendarFeedBenchmark {

    private CalendarFeedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        var db = TestPostgres.freshDatabase();
        System.out.println("Database measured: " + db.durabilitySettings());
        var policy = Files.createTempFile("calendar-bench", ".yaml");
        Files.writeString(policy, policy());
        var clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        try (var slack = FakeSlackApi.start();
             var app = RunningApp.start(db, slack, Map.of("changebot.policy", policy.toString()), clock)) {
            fill(db, size);
            System.out.printf("Open changes: %,d; freezes in the policy: 50%n", db.count("change_request"));
            var created = (CalendarFeeds.Created) app.bean(CalendarFeeds.class)
                    .subscribe(FakeSlackApi.TEAM_ID, "U0BENCH", List.of());
            var url = "/calendar/" + created.token() + ".ics";

            long t0 = System.nanoTime();
            var first = app.get(url);
            double cold = (System.nanoTime() - t0) / 1e6;
            var etag = first.headers().firstValue("ETag").orElseThrow();
            System.out.printf("first build: %.0f ms, HTTP %d, %,d bytes, %,d VEVENTs%n", cold, first.statusCode(),
                    first.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                    first.body().split("BEGIN:VEVENT", -1).length - 1);
            var rebuilds = new ArrayList<Double>();
            for (int i = 0; i < 5; i++) {
                clock.advance(Duration.ofMinutes(2));
                long t = System.nanoTime();
                var response = app.get(url);
                rebuilds.add((System.nanoTime() - t) / 1e6);
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("rebuild answered " + response.statusCode());
                }
            }
            rebuilds.sort(Double::compare);
            System.out.printf("rebuild after the cache's minute (5 runs): median %.0f ms, max %.0f ms%n",
                    rebuilds.get(2), rebuilds.get(4));
            report("repeat from the cache (200 with body)", time(app, url, Map.of(), 200));
            report("conditional repeat (If-None-Match, 304)", time(app, url, Map.of("If-None-Match", etag), 304));
        }
        System.exit(0);
    }

    private static List<Double> time(RunningApp app, String url, Map<String, String> headers, int expected) {
        var times = new ArrayList<Double>();
        for (int i = 0; i < 500; i++) {
            long t = System.nanoTime();
            var response = app.getWith(url, headers);
            times.add((System.nanoTime() - t) / 1e6);
            if (response.statusCode() != expected) {
                throw new IllegalStateException("expected " + expected + ", got " + response.statusCode());
            }
        }
        times.sort(Double::compare);
        return times;
    }

    private static void report(String what, List<Double> times) {
        System.out.printf("%s, 500 requests: p50 %.1f ms, p99 %.1f ms, max %.1f ms (target p99 under 200 ms)%n", what,
                times.get(times.size() / 2), times.get((int) Math.ceil(times.size() * 0.99) - 1),
                times.get(times.size() - 1));
    }

    private static void fill(dev.changebot.support.TestDatabase db, int size) throws Exception {
        try (var connection = db.connect(); var sql = connection.createStatement()) {
            sql.execute("""
                    INSERT INTO change_request (workspace_id, number, requester_id, origin_channel_id, class_name, title,
                        description, justification, systems_affected, environment, risk, implementation_plan, rollback_plan,
                        testing_evidence, proposed_start, expected_duration_s, requested_at, state,
                        message_channel_id, message_ts, updated_at)
                    SELECT '%1$s', n, 'U0B' || lpad((n %% 40)::text, 3, '0'), 'C0BENCH', 'normal',
                           'Planned change ' || n || ': rotate the edge certificates, then restart; the proxies',
                           repeat('What changes and why. ', 8), 'Expiring certificates', 'edge-proxy, cert-manager',
                           'production', (ARRAY['LOW', 'MEDIUM', 'HIGH'])[n %% 3 + 1], 'Plan', 'Roll back', 'Staging',
                           now() + n * interval '13 minutes', 3600, now() - interval '1 day',
                           (ARRAY['PENDING_APPROVAL', 'APPROVED'])[n %% 2 + 1], 'C0BENCH', (1700000000 + n) || '.000100',
                           now()
                      FROM generate_series(1, %2$d) AS n""".formatted(FakeSlackApi.TEAM_ID, size));
            sql.execute("""
                    INSERT INTO change_number (workspace_id, last_number) VALUES ('%s', %d)
                    ON CONFLICT (workspace_id) DO UPDATE SET last_number = %d""".formatted(FakeSlackApi.TEAM_ID, size, size));
            sql.execute("VACUUM ANALYZE change_request");
        }
    }

    private static String policy() {
        var freezes = new StringBuilder();
        String[] days = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
        for (int i = 0; i < 25; i++) {
            freezes.append("  weekly-").append(i).append(":\n    label: Weekly freeze ").append(i)
                    .append("\n    timezone: America/New_York\n    weekly: {from: \"").append(days[i % 7]).append(' ')
                    .append(String.format("%02d:00", i % 20)).append("\", to: \"").append(days[(i + 1) % 7]).append(' ')
                    .append(String.format("%02d:30", i % 20)).append("\"}\n");
        }
        for (int i = 0; i < 15; i++) {
            int month = i % 12 + 1;
            freezes.append("  period-").append(i).append(":\n    label: Fixed freeze ").append(i)
                    .append("\n    periods:\n      - {from: ").append(String.format("2027-%02d-10T00:00", month))
                    .append(", to: ").append(String.format("2027-%02d-12T00:00", month)).append("}\n");
        }
        for (int i = 0; i < 10; i++) {
            freezes.append("  monthly-").append(i).append(":\n    label: Monthly freeze ").append(i)
                    .append("\n    recurrence: \"FREQ=MONTHLY;BYMONTHDAY=").append(i + 1).append("\"\n    from: \"22:00\"\n")
                    .append("    duration: 4h\n");
        }
        return """
                version: 1
                id: calendar-bench
                name: Calendar benchmark policy
                timezone: America/New_York
                business_days:
                  weekend: [sat, sun]
                roles:
                  approvers:
                    label: Change approver
                    usergroups: [change-approvers]
                freezes:
                %s
                environments:
                  production: {label: Production}
                classes:
                  normal:
                    label: Normal change
                    required_fields: [title, description]
                    approval:
                      - {step: Approval, roles: [approvers], count: 1}
                default_class: normal
                """.formatted(freezes.toString().stripTrailing());
    }
}
