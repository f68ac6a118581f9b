package dev.changebot.persistence.ops;

import dev.changebot.application.request.RequestBudget;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.ToDoubleFunction;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gauges read from PostgreSQL: outbox depth and oldest age, pending approvals by age, overdue
 * follow-ups, pending gate checks, unauthorized deployments. Read when Prometheus scrapes, never on
 * a request's path, and at most once per {@code changebot.metrics.database-refresh}: the gauges of
 * one scrape share one statement ({@link OperationalQueries}). While the database cannot answer,
 * they read NaN (unknown), not the last values nor zero, so no alert clears or fires on a guess.
 */
@Singleton
class DatabaseGauges implements MeterBinder {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseGauges.class);

    private final BeanProvider<DataSource> dataSource;
    private final Clock clock;
    private final long refreshNanos;
    private final Duration budget;
    private OperationalSnapshot last;
    private long readAtNanos;
    private boolean everRead;
    private boolean failed;

    /**
     * The data source is looked up at the first scrape: the pool binds its own metrics to the meter
     * registry, which binds these gauges, so asking for it here would build the pool inside itself.
     */
    DatabaseGauges(BeanProvider<DataSource> dataSource, Clock clock,
                   @Value("${changebot.metrics.database-refresh:5s}") Duration refresh,
                   @Value("${changebot.metrics.database-budget:1500ms}") Duration budget) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.refreshNanos = refresh.toNanos();
        this.budget = budget;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (var queue : OutboxQueue.values()) {
            gauge(registry, "changebot.outbox.depth", "Posts waiting to go out: Slack messages and notices, replies to GitHub",
                    s -> s.outboxDepth().get(queue), "queue", queue.label());
            Gauge.builder("changebot.outbox.oldest.age", this, g -> g.read(s -> s.outboxOldestAgeSeconds().get(queue)))
                    .description("Age of the oldest post waiting to go out")
                    .baseUnit("seconds").tag("queue", queue.label()).register(registry);
        }
        for (var age : ApprovalAge.values()) {
            gauge(registry, "changebot.approvals.pending", "Changes awaiting approval, by how long since they were requested",
                    s -> s.pendingApprovalsByAge().get(age), "age", age.label());
        }
        gauge(registry, "changebot.follow.ups.overdue", "Follow-ups past their deadline and not yet satisfied",
                OperationalSnapshot::overdueFollowUps);
        gauge(registry, "changebot.gate.checks.pending", "Gate checks waiting to be settled",
                OperationalSnapshot::pendingGateChecks);
        // A count that only grows and survives restarts (it is the table's), exposed as a counter.
        FunctionCounter.builder("changebot.deployments.unauthorized", this,
                        g -> g.read(s -> s.unauthorizedDeployments()))
                .description("Successful deployments that no approved change or allowed gate check covered (POL-012: must stay 0)")
                .register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description,
                       ToDoubleFunction<OperationalSnapshot> value, String... tags) {
        Gauge.builder(name, this, g -> g.read(value)).description(description).tags(tags).register(registry);
    }

    /** One value of the current snapshot, read anew when it is older than the refresh interval. */
    private synchronized double read(ToDoubleFunction<OperationalSnapshot> value) {
        long now = System.nanoTime();
        if (!everRead || now - readAtNanos >= refreshNanos) {
            refresh();
            readAtNanos = System.nanoTime();
            everRead = true;
        }
        return last == null ? Double.NaN : value.applyAsDouble(last);
    }

    private void refresh() {
        try (var ignored = RequestBudget.start(budget);
             // Its own connection, not a transaction's: a scrape runs outside any.
             var connection = DelegatingDataSource.unwrapDataSource(dataSource.get()).getConnection()) {
            last = OperationalQueries.read(connection, clock.instant());
            failed = false;
        } catch (SQLException | RuntimeException e) {
            last = null;
            // Once per outage, not once per scrape.
            if (!failed) {
                LOG.warn("The database gauges could not be read; they show NaN until the database answers", e);
            }
            failed = true;
        }
    }
}
