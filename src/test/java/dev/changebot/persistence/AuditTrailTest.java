package dev.changebot.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.changebot.support.RunningApp;
import dev.changebot.support.TestPostgres;
import java.sql.SQLException;
import java.util.HashMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The audit trail is append-only in the database itself, not just by convention in our code. */
class AuditTrailTest {

    @Test
    @DisplayName("the database refuses to update, delete or truncate audit events")
    void eventsCannotBeRewritten() throws SQLException {
        var db = TestPostgres.freshDatabase();
        try (var app = RunningApp.startWith(new HashMap<>(db.properties())); var connection = db.connect();
             var sql = connection.createStatement()) {
            sql.execute("INSERT INTO change_request (workspace_id, number, requester_id, origin_channel_id, class_name, title,"
                    + " description, systems_affected, environment, risk, implementation_plan, rollback_plan,"
                    + " testing_evidence, proposed_start, expected_duration_s, requested_at, state, updated_at)"
                    + " VALUES ('T1', 1, 'U1', 'C1', 'normal', 't', 'd', 's', 'production', 'LOW', 'i', 'r', 'e', now(), 60,"
                    + " now(), 'PENDING_APPROVAL', now())");
            sql.execute("INSERT INTO change_event (change_id, workspace_id, type, actor_id, occurred_at)"
                    + " SELECT id, 'T1', 'ChangeRequested', 'U1', now() FROM change_request");

            assertThatThrownBy(() -> sql.execute("UPDATE change_event SET actor_id = 'U2'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> sql.execute("DELETE FROM change_event"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> sql.execute("TRUNCATE change_event CASCADE"))
                    .hasMessageContaining("append-only");
            assertThat(db.rows("SELECT actor_id FROM change_event")).extracting(r -> r.get("actor_id"))
                    .containsExactly("U1");
        }
    }
}
