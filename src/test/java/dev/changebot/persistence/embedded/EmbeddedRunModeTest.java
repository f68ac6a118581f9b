package dev.changebot.persistence.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.PostgresProcesses;
import dev.changebot.support.RunningApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app's own embedded PostgreSQL in run mode (no database URL), looked at through the app's
 * data source, which is what the application itself may do: durable settings, loopback with
 * passwords only, and a runtime role that cannot touch the audit trail's triggers.
 */
@Timeout(180)
class EmbeddedRunModeTest {

    @TempDir
    static Path dataDir;
    static FakeSlackApi slack;
    static RunningApp app;

    @BeforeAll
    static void start() {
        slack = FakeSlackApi.start();
        app = RunningApp.startWith(Map.of(
                "changebot.data-dir", dataDir.toString(),
                "slack.bot-token", RunningApp.BOT_TOKEN,
                "slack.signing-secret", RunningApp.SIGNING_SECRET,
                "slack.api-url", slack.baseUrl(),
                "changebot.policy", RunningApp.TEST_POLICY));
    }

    @AfterAll
    static void stop() {
        app.close();
        slack.close();
        assertThat(PostgresProcesses.awaitNoneOn(dataDir.resolve("postgres"), java.time.Duration.ofSeconds(15)))
                .as("closing the app stops its server").isTrue();
    }

    private static Connection asTheApp() throws SQLException {
        // The raw pool: Micronaut Data wraps the bean in a proxy that wants a surrounding transaction.
        return DelegatingDataSource.unwrapDataSource(app.bean(DataSource.class)).getConnection();
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (var result = connection.createStatement().executeQuery("SHOW " + setting)) {
            result.next();
            return result.getString(1);
        }
    }

    @Test
    @DisplayName("the embedded server is durable: fsync, synchronous_commit and full_page_writes are on")
    void durable() throws SQLException {
        try (var connection = asTheApp()) {
            assertThat(show(connection, "fsync")).isEqualTo("on");
            assertThat(show(connection, "synchronous_commit")).isEqualTo("on");
            assertThat(show(connection, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    @DisplayName("the app's role is not a superuser and cannot disable or drop the audit trail's triggers")
    void runtimeRoleCannotTouchTheAuditTriggers() throws SQLException {
        try (var connection = asTheApp(); var statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            try (var me = statement.executeQuery("SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user")) {
                me.next();
                assertThat(me.getString(1)).isEqualTo("changebot_app");
                assertThat(me.getBoolean(2)).isFalse();
            }
            try (var triggers = statement.executeQuery("SELECT count(*) FROM pg_trigger"
                    + " WHERE tgrelid = 'change_event'::regclass AND NOT tgisinternal AND tgenabled = 'O'")) {
                triggers.next();
                assertThat(triggers.getInt(1)).as("the audit triggers are there, enabled").isEqualTo(2);
            }
            for (var attempt : new String[] {
                    "ALTER TABLE change_event DISABLE TRIGGER change_event_append_only",
                    "ALTER TABLE change_event DISABLE TRIGGER ALL",
                    "DROP TRIGGER change_event_append_only ON change_event",
                    "DROP TRIGGER change_event_no_truncate ON change_event",
                    "DROP TABLE change_event"}) {
                assertThatThrownBy(() -> statement.execute(attempt)).as(attempt)
                        .isInstanceOf(SQLException.class).hasMessageContaining("must be owner");
            }
            assertThatThrownBy(() -> statement.execute("TRUNCATE change_event")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.execute("CREATE TABLE sneaky (id int)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
    }

    @Test
    @DisplayName("the server listens on 127.0.0.1 only, without a Unix socket, and refuses connections without the password")
    void loopbackWithPasswordsOnly() throws Exception {
        // The app's role may not even read where the server listens: ask as the superuser.
        try (var superuser = PostgresProcesses.connect(dataDir, "postgres", "superuser")) {
            assertThat(show(superuser, "listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(show(superuser, "unix_socket_directories")).isEmpty();
        }
        var url = "jdbc:postgresql://127.0.0.1:" + PostgresProcesses.port(dataDir.resolve("postgres")) + "/postgres";
        for (var role : new String[] {"postgres", "changebot", "changebot_app"}) {
            assertThatThrownBy(() -> DriverManager.getConnection(url, role, "")).as(role)
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url, role, "guess")).as(role)
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        }
        try (var owner = PostgresProcesses.connect(dataDir, "changebot", "owner")) {
            assertThat(owner.isValid(2)).as("the owner's password from the data directory works").isTrue();
        }
    }

    @Test
    @DisplayName("the passwords are kept in the data directory, readable by the app's user only (0600)")
    void passwordFileIsPrivate() throws Exception {
        var file = dataDir.resolve("postgres.credentials");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains("runtime=", "owner=", "superuser=");
    }
}
