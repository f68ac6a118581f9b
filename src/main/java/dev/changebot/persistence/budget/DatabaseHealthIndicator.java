package dev.changebot.persistence.budget;

import dev.changebot.application.request.RequestBudget;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * "jdbc" on /health, in place of Micronaut's own check (disabled in application.yml): that one
 * waits up to the pool's timeout and then 3 s more for a frozen server, and reports a failure by
 * its Java class. This one asks the database within a budget of its own, so /health says DOWN in
 * bounded time whether the server is stopped or frozen, in words.
 */
@Singleton
class DatabaseHealthIndicator implements HealthIndicator {

    static final String NAME = "jdbc";
    /** Time to hand the answer over after the budget; beyond it the probe is abandoned as DOWN. */
    private static final Duration GRACE = Duration.ofMillis(500);

    private final DataSource dataSource;
    private final Duration budget;

    DatabaseHealthIndicator(DataSource dataSource,
                            @Value("${changebot.health.database-budget:1500ms}") Duration budget) {
        // The injected data source hands out the current transaction's connection; the probe needs its own.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.budget = budget;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Mono.fromCallable(this::probe)
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(budget.plus(GRACE), Mono.fromSupplier(() -> down("The database did not answer within "
                        + seconds(budget) + ".")));
    }

    private HealthResult probe() {
        try (var ignored = RequestBudget.start(budget);
             var connection = dataSource.getConnection();
             var statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            var meta = connection.getMetaData();
            return HealthResult.builder(NAME, HealthStatus.UP)
                    .details(Map.of("database", meta.getDatabaseProductName(), "version",
                            meta.getDatabaseProductVersion()))
                    .build();
        } catch (SQLException e) {
            return down(e.getSQLState() != null && e.getSQLState().startsWith("08")
                    ? "The database could not be reached, or did not answer within " + seconds(budget) + "."
                    : "The database answered with an error (SQLSTATE " + e.getSQLState() + ").");
        }
    }

    private static HealthResult down(String problem) {
        return HealthResult.builder(NAME, HealthStatus.DOWN).details(Map.of("problem", problem)).build();
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() / 1000.0 + " s";
    }
}
