package dev.changebot.persistence.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code main} begins the embedded server early; the application context takes that one, or stops it. */
@Timeout(180)
class EarlyStartTest {

    @TempDir
    Path dataDir;

    @AfterEach
    void nothingLeftPending() {
        EarlyStart.discard();
    }

    @Test
    @DisplayName("not begun when a data source, config files or environments could be named elsewhere")
    void onlyWhenNothingElseCanNameADatabase() {
        var none = new Properties();
        assertThat(EarlyStart.anotherDatabaseMayBeConfigured(Map.of("HOME", "/home/bot"), none)).isFalse();
        assertThat(EarlyStart.anotherDatabaseMayBeConfigured(
                Map.of("DATASOURCES_DEFAULT_URL", "jdbc:postgresql://db/changebot"), none)).isTrue();
        assertThat(EarlyStart.anotherDatabaseMayBeConfigured(Map.of("MICRONAUT_CONFIG_FILES", "/etc/bot.yml"), none))
                .isTrue();
        assertThat(EarlyStart.anotherDatabaseMayBeConfigured(Map.of("MICRONAUT_ENVIRONMENTS", "prod"), none)).isTrue();
        assertThat(EarlyStart.anotherDatabaseMayBeConfigured(Map.of("MICRONAUT_APPLICATION_JSON", "{}"), none)).isTrue();
        for (var property : new String[] {"datasources.default.url", "micronaut.config.files", "micronaut.environments"}) {
            var properties = new Properties();
            properties.setProperty(property, "x");
            assertThat(EarlyStart.anotherDatabaseMayBeConfigured(Map.of(), properties)).as(property).isTrue();
        }
        var nothingBegun = new Properties();
        nothingBegun.setProperty("datasources.default.url", "jdbc:postgresql://db/changebot");
        assertThat(EarlyStart.beginIfNoUrl(Map.of(), nothingBegun)).isFalse();
    }

    @Test
    @DisplayName("the context takes the server main began for its directory: one server, started once")
    void theContextTakesTheServerBegunEarly() throws Exception {
        assertThat(EarlyStart.beginIfNoUrl(Map.of("HOME", "/nonexistent"), dataDirProperty())).isTrue();

        var bean = new EmbeddedDatabaseWhenNoUrl(dataDir.toString());
        try {
            var database = bean.database();
            try (var connection = DriverManager.getConnection(database.jdbcUrl(), database.runtimeUser(),
                    database.runtimePassword())) {
                assertThat(connection.isValid(2)).isTrue();
            }
            assertThat(bean.database()).isSameAs(database);
            var serverLog = Files.readString(DataDirectory.resolve(dataDir.toString(), Map.of()).serverLog());
            assertThat(serverLog.split("database system is ready to accept connections", -1)).hasSize(2);
        } finally {
            bean.stop();
        }
        assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist();
    }

    @Test
    @DisplayName("a server begun for another directory is stopped, and the context starts its own")
    void aServerForAnotherDirectoryIsStopped() throws Exception {
        var early = dataDir.resolve("early");
        var properties = new Properties();
        properties.setProperty("changebot.data-dir", early.toString());
        assertThat(EarlyStart.beginIfNoUrl(Map.of("HOME", "/nonexistent"), properties)).isTrue();

        var other = DataDirectory.resolve(dataDir.resolve("other").toString(), Map.of());
        assertThat(EarlyStart.claim(other)).isEmpty();

        assertThat(early.resolve("postgres/postmaster.pid")).doesNotExist();
        assertThat(EarlyStart.claim(DataDirectory.resolve(early.toString(), Map.of()))).as("nothing pending").isEmpty();
    }

    private Properties dataDirProperty() {
        var properties = new Properties();
        properties.setProperty("changebot.data-dir", dataDir.toString());
        return properties;
    }
}
