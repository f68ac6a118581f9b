package dev.changebot.bench;

import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a benchmark's databases live. With {@code DATASOURCES_DEFAULT_URL} set, on that server (as the
 * tests do); otherwise on a PostgreSQL of the benchmark's own, configured as the app's embedded server
 * is — durable: fsync, synchronous commit and full-page writes on — and preloading
 * pg_stat_statements, so the report can count statements (the tests' embedded server is neither).
 */
final class BenchPostgres implements AutoCloseable {

    private final EmbeddedPostgres own;

    private BenchPostgres(EmbeddedPostgres own) {
        this.own = own;
    }

    static BenchPostgres start() throws IOException {
        var external = System.getenv("DATASOURCES_DEFAULT_URL");
        if (external != null && !external.isBlank()) {
            return new BenchPostgres(null);
        }
        return new BenchPostgres(EmbeddedPostgres.builder()
                .setDataDirectory(Files.createTempDirectory("changebot-bench-pg"))
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                // Planning is CPU a statement costs outside its execution: counted too, per statement.
                .setServerConfig("pg_stat_statements.track_planning", "on")
                .setServerConfig("max_connections", "200")
                .start());
    }

    /** {@code count} new, empty databases. */
    List<TestDatabase> databases(int count) throws SQLException {
        var databases = new ArrayList<TestDatabase>();
        for (int i = 1; i <= count; i++) {
            if (own == null) {
                databases.add(TestPostgres.freshDatabase());
                continue;
            }
            var name = "bench_" + i;
            try (var admin = own.getPostgresDatabase().getConnection(); var statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            }
            databases.add(new TestDatabase(own.getJdbcUrl("postgres", name), "postgres", ""));
        }
        return databases;
    }

    @Override
    public void close() throws IOException {
        if (own != null) {
            own.close();
        }
    }
}
