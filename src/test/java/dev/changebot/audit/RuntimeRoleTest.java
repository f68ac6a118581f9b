package dev.changebot.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.changebot.support.ExternalRoles;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The two-role setup (README "External database, two roles"; the embedded server's Roles): even
 * with default privileges that grant the runtime role UPDATE and DELETE on every table, it may only
 * read and append audit rows — never update, delete, truncate or switch their triggers off.
 */
@Timeout(120)
class RuntimeRoleTest {

    static final String OWNER = "changebot_audit_it_owner";
    static final String RUNTIME = "changebot_audit_it_app";
    static final String[] AUDIT_TABLES = {"audit_entry", "audit_note", "audit_checkpoint", "audit_checkpoint_post",
        "change_event"};

    @Test
    @DisplayName("the runtime role appends an audit note but cannot UPDATE, DELETE, TRUNCATE or disable triggers on audit rows")
    void runtimeRoleCannotRewriteHistory() throws SQLException {
        var admin = TestPostgres.emptyDatabase();
        ExternalRoles.setUp(admin, OWNER, RUNTIME, "SELECT, INSERT, UPDATE, DELETE, TRUNCATE");
        Flyway.configure().dataSource(admin.url(), OWNER, "owner-secret").locations("classpath:db/migration").load()
                .migrate();
        var runtime = new TestDatabase(admin.url(), RUNTIME, "runtime-secret");

        try (var connection = runtime.connect(); var statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("INSERT INTO audit_note (workspace_id, kind, actor_id, occurred_at)"
                    + " VALUES ('T0', 'EvidenceExported', 'U0', now())")).isEqualTo(1);
            for (var table : AUDIT_TABLES) {
                for (var attempt : new String[] {"UPDATE " + table + " SET " + column(table) + " = " + column(table),
                        "DELETE FROM " + table, "TRUNCATE " + table}) {
                    assertThatThrownBy(() -> statement.execute(attempt)).as(attempt).isInstanceOf(SQLException.class)
                            .hasMessageContaining("permission denied");
                }
                for (var attempt : new String[] {"ALTER TABLE " + table + " DISABLE TRIGGER ALL",
                        "ALTER TABLE " + table + " DISABLE TRIGGER USER"}) {
                    assertThatThrownBy(() -> statement.execute(attempt)).as(attempt).isInstanceOf(SQLException.class)
                            .hasMessageContaining("must be owner");
                }
            }
            assertThatThrownBy(() -> statement.execute("SET session_replication_role = replica"))
                    .as("skipping triggers session-wide is for superusers").isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
        }
        assertThat(admin.count("audit_note")).isEqualTo(1);
    }

    private static String column(String table) {
        return switch (table) {
            case "audit_entry" -> "body";
            case "audit_checkpoint_post" -> "problem";
            case "audit_checkpoint" -> "note";
            default -> "actor_id";
        };
    }
}
