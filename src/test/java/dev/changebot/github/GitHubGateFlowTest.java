package dev.changebot.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.change.ChangeId;
import dev.changebot.scheduling.GateSettler;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.SlackPayloads;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * GitHub environments waiting for Changebot: a deployment protection request decided through the gate
 * exactly as a pipeline's check, the reasons reported while it waits, the review once it settles (an
 * approval in Slack, a rejection), across a restart; requests that cannot be decided are rejected with
 * the reason (test-github.yaml: acme/api is the api service).
 */
@Timeout(120)
class GitHubGateFlowTest extends WithGitHubApp {

    static final String CHANNEL = "C0DEPLOYS";

    @Test
    void aPreApprovedDeployIsApprovedAtOnceAndLeavesAChangeRecord() {
        gh.deliver("d-1", "deployment_protection_rule", gh.requested("staging", "main"));

        assertThat(gh.drain()).isEqualTo(1);
        var review = gh.github.accepted().get(0);
        assertThat(review.body().get("state").getAsString()).isEqualTo("approved");
        assertThat(review.body().get("comment").getAsString()).startsWith("Changebot allows this deployment (CHG-1 to staging)");
        var change = gh.db.rows("SELECT service, class_name, requester_id FROM change_request").get(0);
        assertThat(change).containsEntry("service", "api").containsEntry("class_name", "standard")
                .containsEntry("requester_id", "api:github-app");
        assertThat(gh.db.rows("SELECT check_id FROM github_protection_request").get(0).get("check_id")).isNotNull();
    }

    @Test
    void aChangeWaitsForItsApprovalInSlackThenTheRunIsApproved() {
        requestChange();
        gh.deliver("d-2", "deployment_protection_rule", gh.requested("staging", "chg-1-fix-login"));

        assertThat(gh.drain()).isEqualTo(1);
        var report = gh.github.accepted().get(0);
        assertThat(report.body().has("state")).as("a status report, not a review").isFalse();
        assertThat(report.body().get("comment").getAsString()).startsWith("Changebot is holding this deployment (CHG-1 to staging)")
                .contains("waiting for approval");

        clickApprove("U0REVIEW");
        gh.app.bean(GateSettler.class).settleNow();

        assertThat(gh.drain()).isEqualTo(1);
        var review = gh.github.accepted().get(1);
        assertThat(review.body().get("state").getAsString()).isEqualTo("approved");
        assertThat(review.body().get("comment").getAsString()).contains("CHG-1 is approved");
    }

    @Test
    void aRejectionInSlackRejectsTheRunEvenAfterARestart() {
        requestChange();
        gh.deliver("d-3", "deployment_protection_rule", gh.requested("production", "CHG-1"));
        gh.drain();

        gh.restart();
        say("U0REVIEW", "reject CHG-1 not during the launch");
        gh.app.bean(GateSettler.class).settleNow();

        assertThat(gh.drain()).isEqualTo(1);
        var review = gh.github.accepted().get(1);
        assertThat(review.body().get("state").getAsString()).isEqualTo("rejected");
        assertThat(review.body().get("comment").getAsString()).contains("rejected", "not during the launch");
    }

    @Test
    void requestsThatCannotBeDecidedAreRejectedWithTheReason() {
        gh.deliver("d-4", "deployment_protection_rule", gh.requested("acme/website", "production", "main"));
        gh.deliver("d-5", "deployment_protection_rule", gh.requested("Preview", "main"));
        gh.deliver("d-6", "deployment_protection_rule", gh.requested("production", "chg-99"));

        assertThat(gh.drain()).isEqualTo(3);
        assertThat(gh.github.accepted()).extracting(c -> c.body().get("state").getAsString())
                .containsExactly("rejected", "rejected", "rejected");
        assertThat(gh.github.accepted()).extracting(c -> c.body().get("comment").getAsString()).satisfiesExactly(
                c -> assertThat(c).contains("acme/website is not deployed as any service"),
                c -> assertThat(c).contains("'Preview' is not one of the change policy's (staging, production)"),
                c -> assertThat(c).contains("CHG-99"));
        assertThat(gh.db.count("change_request")).as("nothing recorded for a refused request").isZero();
    }

    @Test
    void gitHubsEnvironmentNamesMatchThePolicysWhateverTheirCase() {
        gh.deliver("d-7", "deployment_protection_rule", gh.requested("Production", "main"));

        assertThat(gh.drain()).isEqualTo(1);
        var review = gh.github.accepted().get(0);
        assertThat(review.body().get("environment_name").getAsString()).as("GitHub's own name goes back").isEqualTo("Production");
        assertThat(review.body().get("state").getAsString()).isEqualTo("approved");
    }

    private void requestChange() {
        var response = gh.app.slack(SlackPayloads.viewSubmission("U0DEV", SlackIds.NEW_CHANGE_MODAL,
                ChangeRef.inChannel(CHANNEL).encode(), ChangeForms.complete(gh.clock.instant().plus(Duration.ofHours(1)))
                        .inClass("normal").forService("api").state()), SlackPayloads.FORM);
        assertThat(response.statusCode()).isEqualTo(200);
        gh.app.deliverOutbox();
        assertThat(gh.db.count("change_request")).isEqualTo(1);
    }

    private void clickApprove(String user) {
        var ts = gh.db.rows("SELECT message_ts FROM change_request WHERE number = 1").get(0).get("message_ts");
        var response = gh.app.slack(SlackPayloads.buttonClick(user, CHANNEL, String.valueOf(ts), SlackIds.APPROVE_BUTTON,
                ChangeRef.of(new ChangeId(1)).encode()), SlackPayloads.FORM);
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private void say(String user, String text) {
        assertThat(gh.app.slack(SlackPayloads.slashCommand(user, CHANNEL, text), SlackPayloads.FORM).statusCode()).isEqualTo(200);
    }
}
