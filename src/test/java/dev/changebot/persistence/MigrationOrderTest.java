package dev.changebot.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations land in another order than their numbers: V50 (read-only tokens) was released before
 * V46 (incidents), V51, V52 and V53. A database an earlier build migrated to V50 must still take them
 * when it is upgraded, not refuse to start with "resolved migration not applied".
 */
class MigrationOrderTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    /** What the build that shipped V50 did not have yet. */
    private static final List<String> LANDED_LATER = List.of("V46__", "V51__", "V52__", "V53__");

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @DisplayName("a database migrated to V50 without V46 takes V46 on upgrade and the app starts")
    void lowerNumbersLandedLaterAreApplied(@TempDir Path earlierBuild) throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (var file : files.toList()) {
                var name = file.getFileName().toString();
                if (LANDED_LATER.stream().noneMatch(name::startsWith)) {
                    Files.copy(file, earlierBuild.resolve(name));
                }
            }
        }
        var db = TestPostgres.emptyDatabase();
        Flyway.configure().dataSource(db.url(), db.user(), db.password())
                .locations("filesystem:" + earlierBuild).load().migrate();
        assertThat(db.count("flyway_schema_history WHERE version = '50'")).isEqualTo(1);
        assertThat(db.count("information_schema.tables WHERE table_name = 'incident'")).isZero();

        try (var slack = FakeSlackApi.start(); var app = RunningApp.start(db, slack)) {
            assertThat(db.count("flyway_schema_history WHERE version IN ('46', '51', '52', '53') AND success"))
                    .isEqualTo(4);
            assertThat(db.count("information_schema.columns WHERE table_name = 'incident'"
                    + " AND column_name IN ('acknowledged_at', 'reopened_at', 'turned_at')")).isEqualTo(3);
        }
    }
}
