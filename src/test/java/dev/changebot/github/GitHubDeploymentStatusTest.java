package dev.changebot.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * GitHub's deployment_status webhooks as deployments (issue 14, items 5 and 6): a status of a
 * deployment whose protection request the gate allowed is covered and moves its change; one that no
 * check or change covers is an unauthorized deployment, chained and escalated; waiting states and
 * environments the policy does not know record nothing (test-github.yaml: acme/api is the api service).
 */
@Timeout(120)
class GitHubDeploymentStatusTest extends WithGitHubApp {

    @Test
    void theStatusesOfAnAllowedRunAreCoveredDeploymentsThatMoveItsChange() {
        gh.deliver("d-1", "deployment_protection_rule", gh.requested("staging", "main"));
        gh.drain();
        assertThat(gh.github.accepted().get(0).body().get("state").getAsString()).isEqualTo("approved");

        var started = gh.deliver("s-1", "deployment_status", gh.deploymentStatus("acme/api", "staging", "in_progress", 1, "main"));
        var succeeded = gh.deliver("s-2", "deployment_status", gh.deploymentStatus("acme/api", "staging", "success", 1, "main"));

        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        assertThat(GitHubFixture.json(succeeded.body()).get("received").getAsString()).isEqualTo("new");
        assertThat(gh.db.rows("SELECT status, covered, source, reported_by, check_id IS NOT NULL AS by_check,"
                + " pipeline_url, url FROM deployment ORDER BY id")).satisfiesExactly(
                row -> assertThat(row).containsEntry("status", "started").containsEntry("covered", true)
                        .containsEntry("by_check", true).containsEntry("source", "github"),
                row -> assertThat(row).containsEntry("status", "succeeded").containsEntry("covered", true)
                        .containsEntry("reported_by", "github-actions[bot]")
                        .containsEntry("pipeline_url", "https://github.com/acme/api/actions/runs/" + GitHubFixture.RUN)
                        .containsEntry("url", "https://api.acme.example"));
        assertThat(gh.db.rows("SELECT state FROM change_request WHERE number = 1").get(0))
                .as("started by its deployment, as the buttons would").containsEntry("state", "IN_PROGRESS");
        assertThat(gh.db.count("audit_note WHERE kind = 'UnauthorizedDeployment'")).isZero();

        var again = gh.deliver("s-2", "deployment_status", gh.deploymentStatus("acme/api", "staging", "success", 1, "main"));
        assertThat(GitHubFixture.json(again.body()).get("received").getAsString()).isEqualTo("redelivery");
        assertThat(gh.db.count("deployment")).isEqualTo(2);
    }

    @Test
    void aSuccessfulDeploymentNothingAllowedIsRecordedAsUnauthorizedAndEscalated() {
        var response = gh.deliver("s-3", "deployment_status",
                gh.deploymentStatus("acme/api", "production", "success", 555, "hotfix-by-hand"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(gh.db.rows("SELECT service, environment, covered, change_number, uncovered_why FROM deployment"))
                .singleElement().satisfies(row -> {
                    assertThat(row).containsEntry("service", "api").containsEntry("environment", "production")
                            .containsEntry("covered", false).containsEntry("change_number", null);
                    assertThat(row.get("uncovered_why").toString()).contains("no change", "a3f5c0e9d1b2");
                });
        assertThat(gh.db.rows("SELECT actor_id, details::text AS d FROM audit_note WHERE kind = 'UnauthorizedDeployment'"))
                .singleElement().satisfies(row -> {
                    assertThat(row).containsEntry("actor_id", "github-actions[bot]");
                    assertThat(row.get("d").toString()).contains("\"source\": \"github\"", "production");
                });
        gh.clock.advance(Duration.ofSeconds(2));
        gh.app.deliverOutbox();
        assertThat(gh.slack.calls("chat.postMessage")).singleElement().satisfies(call -> {
            assertThat(call.param("channel")).isEqualTo(GitHubGateFlowTest.CHANNEL);
            assertThat(call.param("text")).contains("Unauthorized deployment", "api in production",
                    "github-actions[bot]", "|pipeline run>");
        });
    }

    @Test
    void waitingStatesAndUnknownEnvironmentsRecordNothing() {
        var queued = gh.deliver("s-4", "deployment_status", gh.deploymentStatus("acme/api", "staging", "queued", 7, "main"));
        var preview = gh.deliver("s-5", "deployment_status", gh.deploymentStatus("acme/api", "preview-42", "success", 8, "main"));
        var other = gh.deliver("s-6", "deployment_status", gh.deploymentStatus("acme/website", "production", "success", 9, "main"));

        assertThat(GitHubFixture.json(queued.body()).get("received").getAsString()).isEqualTo("ignored");
        assertThat(GitHubFixture.json(preview.body()).get("why").getAsString()).contains("'preview-42'");
        assertThat(GitHubFixture.json(other.body()).get("why").getAsString()).contains("acme/website");
        assertThat(gh.db.count("deployment")).isZero();
    }

    @Test
    void aStatusPayloadWithoutItsDeploymentIsRefusedAndKeepsNothing() {
        var response = gh.deliver("s-7", "deployment_status", "{\"action\":\"created\",\"deployment_status\":"
                + "{\"state\":\"success\",\"environment\":\"staging\"},\"repository\":{\"full_name\":\"acme/api\"}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(GitHubFixture.json(response.body()).get("message").getAsString()).contains("deployment.id");
        assertThat(gh.db.count("deployment")).isZero();
    }
}
