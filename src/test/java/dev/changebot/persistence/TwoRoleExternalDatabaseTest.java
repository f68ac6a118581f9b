package dev.changebot.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import dev.changebot.support.AppProcess;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.ExternalRoles;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The README's two-role setup for an external database, configured exactly by the environment
 * variables it names: migrations as the owner (FLYWAY_DATASOURCES_DEFAULT_URL / _USER / _PASSWORD),
 * the application as a role that may only read and write rows (DATASOURCES_DEFAULT_*).
 */
@Timeout(240)
class TwoRoleExternalDatabaseTest {

    static final String OWNER = "changebot_it_owner";
    static final String RUNTIME = "changebot_it_app";

    @Test
    @DisplayName("owner role migrates, runtime role serves requests and cannot disable or drop the audit triggers")
    void ownerMigratesRuntimeServes() throws Exception {
        var admin = TestPostgres.emptyDatabase();
        ExternalRoles.setUp(admin, OWNER, RUNTIME, "SELECT, INSERT, UPDATE, DELETE");
        var runtime = new TestDatabase(admin.url(), RUNTIME, "runtime-secret");
        try (var slack = FakeSlackApi.start();
             var app = AppProcess.start(runtime, slack, RunningApp.TEST_POLICY, Map.of(), Map.of(
                     "FLYWAY_DATASOURCES_DEFAULT_URL", admin.url(),
                     "FLYWAY_DATASOURCES_DEFAULT_USER", OWNER,
                     "FLYWAY_DATASOURCES_DEFAULT_PASSWORD", "owner-secret"), Path.of("target", "two-role-external.log"))) {
            var response = app.slack(SlackPayloads.viewSubmission("U0DEV", SlackIds.NEW_CHANGE_MODAL,
                    ChangeRef.inChannel("C0DEPLOYS").encode(),
                    ChangeForms.complete(Instant.now().plus(Duration.ofHours(1))).state()), SlackPayloads.FORM);
            assertThat(response.statusCode()).isEqualTo(200);
        }
        assertThat(admin.rows("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'"))
                .as("every table, Quartz's included, belongs to the owner").singleElement()
                .satisfies(row -> assertThat(row).containsEntry("tableowner", OWNER));
        assertThat(admin.count("change_event")).as("the app wrote as the runtime role").isPositive();
        try (var connection = runtime.connect(); var statement = connection.createStatement()) {
            for (var attempt : new String[] {"ALTER TABLE change_event DISABLE TRIGGER ALL",
                    "DROP TRIGGER change_event_append_only ON change_event"}) {
                assertThatThrownBy(() -> statement.execute(attempt)).isInstanceOf(SQLException.class)
                        .hasMessageContaining("must be owner");
            }
        }
    }
}
