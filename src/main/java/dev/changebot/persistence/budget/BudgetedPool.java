package dev.changebot.persistence.budget;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import javax.sql.DataSource;

/**
 * Puts the request budget between the application and its Hikari pool. It runs before Micronaut
 * Data wraps the data source in its transaction-aware proxy, so the transaction manager and the
 * repositories (which unwrap that proxy) take their connections through the budget. Quartz builds
 * a pool of its own and is not affected: its jobs may run longer than a Slack request.
 */
@Singleton
class BudgetedPool implements BeanCreatedEventListener<DataSource>, Ordered {

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        return event.getBean() instanceof HikariDataSource hikari ? new BudgetedDataSource(hikari) : event.getBean();
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
