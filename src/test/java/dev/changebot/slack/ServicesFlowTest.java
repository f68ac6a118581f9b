package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.changebot.application.evidence.EvidenceRecords;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.MutableClock;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Services and environments of the policy, over signed HTTP with the fake Slack: the Mixpeek
 * homepage's explicit approval before push, a service's environments at `/change deployed`, a
 * service's class override, a freeze scoped to production, and the form offering the policy's
 * services and environments.
 */
@Timeout(60)
class ServicesFlowTest {

    static final String REQUESTER = "U0DEV";
    static final String REVIEWER = "U0REVIEW";
    static final String CHANNEL = "C0DEPLOYS";
    /** Tuesday 10 March 2026, 10:00 UTC. */
    static final Instant TUESDAY = Instant.parse("2026-03-10T10:00:00Z");
    /** Saturday 14 March 2026, 10:00 UTC: inside the production weekend freeze of test-services. */
    static final Instant SATURDAY = Instant.parse("2026-03-14T10:00:00Z");
    static final String TEST_POLICY = "src/test/resources/policies/test-services.yaml";

    final MutableClock clock = new MutableClock(TUESDAY);
    final FakeSlackApi slack = FakeSlackApi.start();
    final TestDatabase db = TestPostgres.freshDatabase();
    RunningApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        slack.close();
    }

    @Test
    @DisplayName("mixpeek 4.2: a standard homepage change goes to production only after the explicit approval before push; a standard API change does not wait")
    void homepageNeedsExplicitApproval() {
        start("preset:mixpeek", "mixpeek-reviewers");

        assertThat(submit(ChangeForms.complete(TUESDAY.plusSeconds(600)).inClass("standard").forService("homepage"))
                .body()).doesNotContain("errors");

        // Pre-approved: the approval is "before push", once the work is done, not before it starts.
        assertThat(db.rows("SELECT state, class_name, service FROM change_request").get(0))
                .containsEntry("state", "APPROVED").containsEntry("class_name", "standard")
                .containsEntry("service", "homepage");
        var post = slack.calls("chat.postMessage").get(0);
        assertThat(post.blocks().toString()).contains("*Service*\\nHomepage").contains("Explicit approval before push");
        say(REQUESTER, "start CHG-1");
        assertThat(state(1)).isEqualTo("IN_PROGRESS");

        assertThat(say(REQUESTER, "deployed CHG-1 production")).isEqualTo("CHG-1 needs Explicit approval before push by"
                + " Mixpeek reviewer (@mixpeek-reviewers) before production. Approve it on CHG-1's message, with the"
                + " approve reaction, or `/change approve CHG-1`.");
        app.deliverOutbox();
        var due = slack.calls("chat.update").get(slack.calls("chat.update").size() - 1);
        assertThat(due.actionIds()).contains(SlackIds.APPROVE_BUTTON);
        assertThat(due.blocks().toString()).contains("Approve production deployment")
                .contains("*Explicit approval before push* before production — waiting for Mixpeek reviewer");

        click(REQUESTER, 1);
        assertThat(db.rows("SELECT type FROM change_event WHERE type = 'StageApproved'"))
                .as("the requester may not approve their own change").isEmpty();
        click(REVIEWER, 1);
        assertThat(db.rows("SELECT actor_id, details->>'step' AS step, details->>'via' AS via FROM change_event"
                + " WHERE type = 'StageApproved'")).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("actor_id", REVIEWER).containsEntry("step", "Explicit approval before push")
                .containsEntry("via", "button"));
        assertThat(say(REQUESTER, "deployed CHG-1 production")).doesNotContain("needs");
        assertThat(db.rows("SELECT type FROM change_event WHERE type = 'ChangeDeployed'")).hasSize(1);

        submit(ChangeForms.complete(TUESDAY.plusSeconds(600)).inClass("standard").forService("api"));
        assertThat(state(2)).isEqualTo("APPROVED");
        assertThat(db.rows("SELECT type FROM change_event WHERE change_id = (SELECT id FROM change_request WHERE number = 2)"
                + " ORDER BY id")).extracting(r -> r.get("type")).containsExactly("ChangeRequested", "ChangePreApproved");
        say(REQUESTER, "start CHG-2");
        assertThat(say(REQUESTER, "deployed CHG-2 production")).doesNotContain("needs");
        assertThat(db.rows("SELECT type FROM change_event WHERE type = 'ChangeDeployed'")).hasSize(2);

        assertThat(sayRaw(REQUESTER, "show CHG-1")).contains("*Service*\\nHomepage");
        // The evidence pack's systems column names the service, then what the requester wrote.
        var evidence = app.bean(EvidenceRecords.class);
        assertThat(evidence.trail(FakeSlackApi.TEAM_ID, 1).orElseThrow().change().systems())
                .contains("homepage: payments-api, checkout");
    }

    @Test
    @DisplayName("mixpeek: a request that names no service, or one the policy lacks, is refused inside the form")
    void serviceRequired() {
        start("preset:mixpeek", "mixpeek-reviewers");

        var none = submit(ChangeForms.complete(TUESDAY.plusSeconds(600)).inClass("standard"));
        var unknown = submit(ChangeForms.complete(TUESDAY.plusSeconds(600)).inClass("standard").forService("billing"));

        assertThat(errors(none)).containsEntry(SlackIds.SERVICE,
                "Choose the service: api, engine, studio, canvas, homepage, mcp, celery.");
        assertThat(errors(unknown)).containsEntry(SlackIds.SERVICE,
                "That is not a service of this policy: api, engine, studio, canvas, homepage, mcp, celery.");
        assertThat(db.count("change_request")).isZero();
    }

    @Test
    @DisplayName("`/change deployed` accepts only the change's service's environments, and only the policy's")
    void deployedOnlyToTheServicesEnvironments() {
        start(TEST_POLICY, "reviewers");
        slack.userGroup("reviewers", REVIEWER, "U0SECOND");
        submit(ChangeForms.complete(TUESDAY.plusSeconds(600)).inClass("normal").forService("homepage"));
        click(REVIEWER, 1); // Review
        click(REVIEWER, 1); // Explicit approval before push: one person may not take both steps
        assertThat(state(1)).isEqualTo("PENDING_APPROVAL");
        assertThat(db.rows("SELECT step FROM change_approval")).extracting(r -> r.get("step")).containsExactly(1);
        click("U0SECOND", 1);
        assertThat(state(1)).isEqualTo("APPROVED");
        say(REQUESTER, "start CHG-1");
        assertThat(state(1)).isEqualTo("IN_PROGRESS");

        assertThat(say(REQUESTER, "deployed CHG-1 staging"))
                .isEqualTo("CHG-1 is a change to Homepage, which is deployed only to production.");
        assertThat(say(REQUESTER, "deployed CHG-1 qa"))
                .isEqualTo("That is not an environment of this policy: CHG-1 can be reported deployed to staging, production.");
        assertThat(db.rows("SELECT type FROM change_event WHERE type = 'ChangeDeployed'")).isEmpty();

        say(REQUESTER, "deployed CHG-1 production");
        assertThat(db.rows("SELECT details->>'environment' AS environment FROM change_event WHERE type = 'ChangeDeployed'"))
                .extracting(r -> r.get("environment")).containsExactly("production");
    }

    @Test
    @DisplayName("a service's class override: a standard shop change is recorded and approved as a normal one")
    void classOverride() {
        start(TEST_POLICY, "reviewers");

        submit(ChangeForms.complete(TUESDAY.plusSeconds(600)).inClass("standard").forService("shop"));

        assertThat(db.rows("SELECT state, class_name, service FROM change_request").get(0))
                .containsEntry("state", "PENDING_APPROVAL").containsEntry("class_name", "normal")
                .containsEntry("service", "shop");
    }

    @Test
    @DisplayName("a freeze scoped to production blocks a production change on Saturday, not a staging one")
    void freezeScopedToProduction() {
        clock.set(SATURDAY);
        start(TEST_POLICY, "reviewers");

        var production = submit(ChangeForms.complete(SATURDAY.plusSeconds(600)).inClass("standard").forService("api"));
        var staging = submit(ChangeForms.complete(SATURDAY.plusSeconds(600)).inClass("standard").forService("api")
                .inEnvironment("staging"));

        assertThat(errors(production).get(SlackIds.PROPOSED_START)).contains("production weekend freeze")
                .contains("Earliest compliant start: Mon 2026-03-16 08:00 UTC.");
        assertThat(errors(staging)).isEmpty();
        assertThat(db.rows("SELECT environment, state FROM change_request")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("environment", "staging").containsEntry("state", "APPROVED"));
        say(REQUESTER, "start CHG-1");
        assertThat(state(1)).isEqualTo("IN_PROGRESS");
    }

    @Test
    @DisplayName("`/change new --service` opens the form with the service chosen and the policy's environments offered")
    void formOffersServicesAndEnvironments() {
        start(TEST_POLICY, "reviewers");

        say(REQUESTER, "new Fix the header --service homepage");

        var view = slack.calls("views.open").get(0).json("view").getAsJsonObject();
        var blocks = view.getAsJsonArray("blocks");
        var service = blockNamed(blocks, SlackIds.SERVICE).getAsJsonObject("element");
        assertThat(service.getAsJsonObject("initial_option").get("value").getAsString()).isEqualTo("homepage");
        assertThat(values(service)).containsExactly("api", "homepage", "shop");
        assertThat(values(blockNamed(blocks, SlackIds.ENVIRONMENT).getAsJsonObject("element")))
                .containsExactly("staging", "production");
        assertThat(blockNamed(blocks, SlackIds.TITLE).getAsJsonObject("element").get("initial_value").getAsString())
                .isEqualTo("Fix the header");

        assertThat(say(REQUESTER, "new Fix it --service billing"))
                .isEqualTo("That is not a service of this policy; its services are api, homepage, shop.");
    }

    @Test
    @DisplayName("a policy without services shows no service menu and records no service")
    void noServices() {
        start("preset:default", "change-approvers");

        say(REQUESTER, "new Rotate certs");
        var blocks = slack.calls("views.open").get(0).json("view").getAsJsonObject().getAsJsonArray("blocks");
        blocks.forEach(b -> assertThat(b.getAsJsonObject().get("block_id").getAsString()).isNotEqualTo(SlackIds.SERVICE));
        assertThat(values(blockNamed(blocks, SlackIds.ENVIRONMENT).getAsJsonObject("element")))
                .containsExactly("staging", "production");
        submit(ChangeForms.complete(TUESDAY.plusSeconds(600)).inClass("standard"));
        assertThat(db.rows("SELECT service, state FROM change_request").get(0))
                .containsEntry("service", null).containsEntry("state", "APPROVED");
    }

    private void start(String policy, String reviewerGroup) {
        app = RunningApp.start(db, slack, Map.of("changebot.policy", policy), clock);
        slack.userGroup(reviewerGroup, REVIEWER);
    }

    private HttpResponse<String> submit(ChangeForms form) {
        return app.slack(SlackPayloads.viewSubmission(REQUESTER, SlackIds.NEW_CHANGE_MODAL,
                ChangeRef.inChannel(CHANNEL).encode(), form.state()), SlackPayloads.FORM);
    }

    private void click(String userId, long number) {
        var ts = db.rows("SELECT message_ts FROM change_request WHERE number = " + number).get(0).get("message_ts").toString();
        var response = app.slack(SlackPayloads.buttonClick(userId, CHANNEL, ts, SlackIds.APPROVE_BUTTON,
                ChangeRef.of(new ChangeId(number)).encode()), SlackPayloads.FORM);
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private String state(long number) {
        return db.rows("SELECT state FROM change_request WHERE number = " + number).get(0).get("state").toString();
    }

    /** The text of the answer to a slash command; empty when it was answered with an empty ack. */
    private String say(String user, String text) {
        var body = sayRaw(user, text);
        return body.isBlank() ? "" : JsonParser.parseString(body).getAsJsonObject().get("text").getAsString();
    }

    private String sayRaw(String user, String text) {
        return app.slack(SlashCommandsAccess.of(user, CHANNEL, text), SlackPayloads.FORM).body();
    }

    private static Map<String, String> errors(HttpResponse<String> response) {
        if (!response.body().contains("errors")) {
            return Map.of();
        }
        var errors = JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonObject("errors");
        var map = new java.util.LinkedHashMap<String, String>();
        errors.entrySet().forEach(e -> map.put(e.getKey(), e.getValue().getAsString()));
        return map;
    }

    private static com.google.gson.JsonObject blockNamed(com.google.gson.JsonArray blocks, String blockId) {
        for (var block : blocks) {
            var object = block.getAsJsonObject();
            if (object.has("block_id") && object.get("block_id").getAsString().equals(blockId)) {
                return object;
            }
        }
        throw new AssertionError("no block " + blockId + " in " + blocks);
    }

    private static java.util.List<String> values(com.google.gson.JsonObject select) {
        var values = new ArrayList<String>();
        select.getAsJsonArray("options").forEach(o -> values.add(o.getAsJsonObject().get("value").getAsString()));
        return values;
    }
}
