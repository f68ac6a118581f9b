package dev.changebot.persistence.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory made by earlier versions (trust authentication, everything owned by the
 * superuser): its first start with this version gives it passwords and the two roles, and hands
 * its objects to the owner, with the data kept.
 */
@Timeout(180)
class OlderDataDirectoryTest {

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("an older trust-authenticated directory gets passwords and roles; its tables pass to the owner, data kept")
    void adoptsAnOlderDirectory() throws Exception {
        var directory = DataDirectory.resolve(dataDir.toString(), Map.of());
        try (var old = EmbeddedPostgres.builder().setDataDirectory(directory.cluster()).setCleanDataDirectory(false)
                .start(); var connection = old.getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE change_request (id BIGSERIAL PRIMARY KEY, title TEXT NOT NULL)");
            statement.execute("INSERT INTO change_request (title) VALUES ('from before')");
            statement.execute("CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN RETURN NULL; END $$ LANGUAGE plpgsql");
        }

        try (var database = EmbeddedDatabase.start(directory)) {
            assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "postgres", ""))
                    .as("no more trust").isInstanceOf(SQLException.class);
            try (var owner = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword());
                 var statement = owner.createStatement()) {
                var result = statement.executeQuery("SELECT"
                        + " (SELECT tableowner FROM pg_tables WHERE tablename = 'change_request'),"
                        + " (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 'change_request_id_seq'),"
                        + " (SELECT pg_get_userbyid(proowner) FROM pg_proc WHERE proname = 'refuse')");
                result.next();
                assertThat(result.getString(1)).isEqualTo("changebot");
                assertThat(result.getString(2)).isEqualTo("changebot");
                assertThat(result.getString(3)).isEqualTo("changebot");
            }
            try (var app = DriverManager.getConnection(database.jdbcUrl(), database.runtimeUser(), database.runtimePassword());
                 var statement = app.createStatement()) {
                statement.execute("INSERT INTO change_request (title) VALUES ('after')");
                var result = statement.executeQuery("SELECT count(*) FROM change_request");
                result.next();
                assertThat(result.getInt(1)).isEqualTo(2);
            }
        }
        assertThat(Credentials.existIn(directory)).isTrue();
    }
}
