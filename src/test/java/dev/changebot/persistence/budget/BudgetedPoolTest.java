package dev.changebot.persistence.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.changebot.application.request.RequestBudget;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.TestPostgres;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The app's pool as configured: bounded for everyone, and bounded by the request's budget inside one. */
class BudgetedPoolTest {

    final FakeSlackApi slack = FakeSlackApi.start();
    final RunningApp app = RunningApp.start(TestPostgres.freshDatabase(), slack);
    final DataSource pool = DelegatingDataSource.unwrapDataSource(app.bean(DataSource.class));

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

    @Test
    @DisplayName("outside a request: the statement timeout and the socket timeout of application.yml")
    void poolDefaults() throws SQLException {
        try (var connection = pool.getConnection(); var statement = connection.createStatement();
             var result = statement.executeQuery("SHOW statement_timeout")) {
            result.next();
            assertThat(result.getString(1)).isEqualTo("30s");
            assertThat(connection.getNetworkTimeout()).isEqualTo(60_000);
        }
    }

    @Test
    @DisplayName("inside a request: statements give up at its deadline, and the pool gets its own timeout back")
    void statementsEndAtTheDeadline() throws SQLException {
        try (var budget = RequestBudget.start(Duration.ofSeconds(1)); var connection = pool.getConnection()) {
            assertThat(connection.getNetworkTimeout()).isBetween(1, 1_000);
        }
        try (var connection = pool.getConnection()) {
            assertThat(connection.getNetworkTimeout()).isEqualTo(60_000);
        }
    }

    @Test
    @DisplayName("a spent budget gets no connection, and says so as a connection failure (SQLState 08001)")
    void spentBudget() {
        try (var budget = RequestBudget.start(Duration.ZERO)) {
            assertThatThrownBy(pool::getConnection).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getSQLState()).isEqualTo("08001"));
        }
    }
}
