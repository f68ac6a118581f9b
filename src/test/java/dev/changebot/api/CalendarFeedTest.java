package dev.changebot.api;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import dev.changebot.domain.calendar.TimeSpan;
import dev.changebot.domain.policy.FreezeSource;
import dev.changebot.domain.policy.Policy;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.MutableClock;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The iCal feed read back by biweekly, a parser independent of ical4j that writes it: UIDs, SEQUENCE and
 * STATUS following a change, escaping of hostile text, a weekly freeze expanding to the policy engine's
 * instants across the end of daylight saving time, ETag and 304, and 404 for unknown or revoked URLs.
 */
@Timeout(180)
class CalendarFeedTest {

    /** Tuesday 27 October 2026, 10:00 in New York; daylight saving time ends on Sunday 1 November. */
    static final Instant T0 = Instant.parse("2026-10-27T14:00:00Z");
    static final String CHANNEL = "C0DEPLOYS";
    static final String REQUESTER = "U0REQUEST";
    static final String APPROVER = "U0APPROVER";
    static final Pattern URL = Pattern.compile("/calendar/cbt_[A-Za-z0-9_-]{43}\\.ics");
    static final String POLICY = """
            version: 1
            id: feed-test
            name: Feed test policy
            timezone: America/New_York
            business_days:
              weekend: [sat, sun]
            roles:
              approvers:
                label: Change approver
                usergroups: [change-approvers]
            approvals:
              requester_may_approve: false
              one_person_per_step: true
            freezes:
              weekend:
                label: the weekend freeze
                timezone: America/New_York
                weekly: {from: "fri 15:00", to: "mon 09:00"}
            environments:
              production: {label: Production}
            classes:
              normal:
                label: Normal change
                required_fields: [title, description, systems_affected]
                approval:
                  - {step: Approval, roles: [approvers], count: 1}
            default_class: normal
            """;

    final FakeSlackApi slack = FakeSlackApi.start();
    final TestDatabase db = TestPostgres.freshDatabase();
    final MutableClock clock = new MutableClock(T0);
    RunningApp app;

    @BeforeEach
    void start(@TempDir Path dir) throws IOException {
        var policy = dir.resolve("policy.yaml");
        Files.writeString(policy, POLICY);
        app = RunningApp.start(db, slack, Map.of("changebot.policy", policy.toString()), clock);
        slack.userGroup("change-approvers", APPROVER);
    }

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

    @Test
    @DisplayName("a change keeps its UID while SEQUENCE rises and STATUS follows it: tentative, confirmed, cancelled")
    void changeFollowsItsLifecycle() {
        var url = subscribe(REQUESTER, "");
        submit("Rotate the keys", "2026-10-28T15:00:00Z");

        var first = event(feed(url), "CHG-1@" + FakeSlackApi.TEAM_ID);
        assertThat(first.getSequence().getValue()).isZero();
        assertThat(first.getStatus().getValue()).isEqualTo("TENTATIVE");
        assertThat(first.getDateStart().getValue().toInstant()).isEqualTo(Instant.parse("2026-10-28T15:00:00Z"));
        assertThat(first.getDateEnd().getValue().toInstant()).isEqualTo(Instant.parse("2026-10-28T15:45:00Z"));
        assertThat(first.getDescription().getValue()).contains("Owner: " + REQUESTER,
                "Systems affected: payments-api, checkout", "Approval: 0/1 approved", "Risk: medium",
                "Slack: https://slack.com/archives/" + CHANNEL + "/p");
        assertThat(first.getUrl().getValue()).startsWith("https://slack.com/archives/" + CHANNEL + "/p");
        assertThat(first.getCategories()).flatExtracting(c -> c.getValues()).contains("Normal change", "production");

        say(APPROVER, "approve CHG-1");
        clock.advance(Duration.ofMinutes(2));
        var approved = event(feed(url), "CHG-1@" + FakeSlackApi.TEAM_ID);
        assertThat(approved.getSequence().getValue()).isEqualTo(1);
        assertThat(approved.getStatus().getValue()).isEqualTo("CONFIRMED");

        clock.advance(Duration.ofMinutes(2));
        assertThat(event(feed(url), "CHG-1@" + FakeSlackApi.TEAM_ID).getSequence().getValue())
                .as("unchanged: the same sequence").isEqualTo(1);

        say(REQUESTER, "cancel CHG-1");
        clock.advance(Duration.ofMinutes(2));
        var cancelled = event(feed(url), "CHG-1@" + FakeSlackApi.TEAM_ID);
        assertThat(cancelled.getSequence().getValue()).isEqualTo(2);
        assertThat(cancelled.getStatus().getValue()).isEqualTo("CANCELLED");
    }

    @Test
    @DisplayName("hostile text round-trips exactly (commas, semicolons, backslashes, line breaks), folded at 75 octets")
    void escaping() {
        var url = subscribe(REQUESTER, "");
        var title = "Drop users; DELETE, then \\restore\\ «ÜBERPRÜFUNG» " + "ääääääääää".repeat(8);
        submit(title, "2026-10-28T15:00:00Z");

        var text = app.get(url).body();
        for (var line : text.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        var event = event(parse(text), "CHG-1@" + FakeSlackApi.TEAM_ID);
        assertThat(event.getSummary().getValue()).isEqualTo("CHG-1 " + title);
    }

    @Test
    @DisplayName("the weekly freeze is one RRULE in New York time, expanding to the policy's instants across the DST change")
    void recurringFreezeAcrossDst() {
        var url = subscribe(REQUESTER, "");

        var text = app.get(url).body();
        assertThat(text).contains("BEGIN:VTIMEZONE", "TZID:America/New_York", "DTSTART;TZID=America/New_York:",
                "RRULE:FREQ=WEEKLY;BYDAY=FR", "REFRESH-INTERVAL;VALUE=DURATION:PT15M", "X-PUBLISHED-TTL:PT15M");
        var calendar = parse(text);
        var freeze = calendar.getEvents().stream().filter(e -> e.getUid().getValue().startsWith("freeze-weekend"))
                .findFirst().orElseThrow();
        var zone = calendar.getTimezoneInfo().getTimezone(freeze.getDateStart()).getTimeZone();
        var duration = freeze.getDuration().getValue();
        var from = Instant.parse("2026-10-20T00:00:00Z");
        var to = Instant.parse("2026-11-12T00:00:00Z");
        var fromFeed = new ArrayList<TimeSpan>();
        var dates = freeze.getDateIterator(zone);
        while (dates.hasNext()) {
            var start = dates.next().toInstant();
            if (!start.isBefore(to)) {
                break;
            }
            // DURATION's days are nominal (calendar days in the event's zone), its hours exact: RFC 5545 §3.3.6.
            var local = ZonedDateTime.ofInstant(start, zone.toZoneId());
            var end = local.plusDays(duration.getDays() == null ? 0 : duration.getDays()).toInstant()
                    .plus(Duration.ofHours(duration.getHours() == null ? 0 : duration.getHours()))
                    .plus(Duration.ofMinutes(duration.getMinutes() == null ? 0 : duration.getMinutes()));
            if (end.isAfter(from)) {
                fromFeed.add(new TimeSpan(start, end));
            }
        }
        var policy = app.bean(Policy.class);
        var weekend = ((FreezeSource.Scheduled) policy.freezes().get(0).source()).schedule();
        var fromPolicy = weekend.occurrencesOverlapping(new TimeSpan(from, to)).stream()
                .filter(span -> span.start().isBefore(to)).sorted(java.util.Comparator.comparing(TimeSpan::start)).toList();

        assertThat(fromFeed).containsExactlyElementsOf(fromPolicy);
        // Friday 15:00 EDT to Monday 09:00 EST: 67 hours, not 66.
        assertThat(fromFeed).contains(new TimeSpan(Instant.parse("2026-10-30T19:00:00Z"), Instant.parse("2026-11-02T14:00:00Z")));
    }

    @Test
    @DisplayName("an unchanged feed is 304 with its ETag; an empty workspace is a valid empty calendar")
    void notModified() {
        var url = subscribe(REQUESTER, "");

        var first = app.get(url);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        var etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(parse(first.body()).getEvents()).noneMatch(e -> e.getUid().getValue().startsWith("CHG-"));

        var again = app.getWith(url, Map.of("If-None-Match", etag));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        clock.advance(Duration.ofMinutes(5));
        assertThat(app.getWith(url, Map.of("If-None-Match", etag)).statusCode())
                .as("rebuilt after the cache's minute, the same text: still 304").isEqualTo(304);

        submit("Something new", "2026-10-28T15:00:00Z");
        clock.advance(Duration.ofMinutes(2));
        assertThat(app.getWith(url, Map.of("If-None-Match", etag)).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("unknown, malformed and revoked URLs are the same 404")
    void notFound() {
        var url = subscribe(REQUESTER, "");
        var unknown = app.get("/calendar/cbt_" + "A".repeat(43) + ".ics");
        var malformed = app.get("/calendar/nonsense.ics");

        assertThat(say(REQUESTER, "calendar unsubscribe")).contains("Revoked 1 calendar URL");
        var revoked = app.get(url);

        for (var response : List.of(unknown, malformed, revoked)) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).isEqualTo("Not found.");
        }
        assertThat(db.rows("SELECT token_hash FROM calendar_subscription").get(0).get("token_hash").toString())
                .as("only the hash is kept").doesNotContain("cbt_").hasSize(64);
    }

    private String subscribe(String user, String services) {
        var answer = say(user, ("calendar subscribe " + services).strip());
        assertThat(answer).contains("Google Calendar", "Outlook", "Apple Calendar", "/change calendar unsubscribe");
        var matcher = URL.matcher(answer);
        assertThat(matcher.find()).as(answer).isTrue();
        return matcher.group();
    }

    private String say(String user, String text) {
        var body = app.slack(SlackPayloads.slashCommand(user, CHANNEL, text), SlackPayloads.FORM).body();
        return com.google.gson.JsonParser.parseString(body).getAsJsonObject().get("text").getAsString();
    }

    private void submit(String title, String start) {
        var form = ChangeForms.complete(Instant.parse(start)).title(title);
        var response = app.slack(SlackPayloads.viewSubmission(REQUESTER, SlackIds.NEW_CHANGE_MODAL,
                ChangeRef.inChannel(CHANNEL).encode(), form.state()), SlackPayloads.FORM);
        assertThat(response.body()).as("the form is accepted").doesNotContain("\"errors\"");
        // The change's message, so that it has a permalink.
        for (int i = 0; i < 5; i++) {
            app.deliverOutbox();
            clock.advance(Duration.ofSeconds(2));
        }
    }

    private ICalendar feed(String url) {
        var response = app.get(url);
        assertThat(response.statusCode()).isEqualTo(200);
        return parse(response.body());
    }

    private static ICalendar parse(String text) {
        var calendar = Biweekly.parse(text).first();
        assertThat(calendar).as("parsed").isNotNull();
        return calendar;
    }

    private static VEvent event(ICalendar calendar, String uid) {
        return calendar.getEvents().stream().filter(e -> uid.equals(e.getUid().getValue())).findFirst()
                .orElseThrow(() -> new AssertionError("no event " + uid));
    }
}
