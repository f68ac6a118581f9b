package dev.changebot.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.changebot.application.port.Transactions;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Effects outside the database (a timer's alarm) follow only a transaction that really committed. */
@Timeout(60)
class AfterCommitTest {

    final FakeSlackApi slack = FakeSlackApi.start();
    final RunningApp app = RunningApp.start(TestPostgres.freshDatabase(), slack);
    final Transactions transactions = app.bean(Transactions.class);
    final List<String> effects = new ArrayList<>();

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

    @Test
    @DisplayName("registered inside a joined transaction, the effect waits for the outermost commit")
    void waitsForTheOutermostCommit() {
        transactions.inTransaction(() -> {
            transactions.inTransaction(() -> {
                transactions.afterCommit(() -> effects.add("rung"));
                return null;
            });
            assertThat(effects).as("the inner transaction's end is not a commit").isEmpty();
            return null;
        });

        assertThat(effects).containsExactly("rung");
    }

    @Test
    @DisplayName("a transaction that rolls back never runs its effects")
    void rollbackRunsNothing() {
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            transactions.afterCommit(() -> effects.add("rung"));
            throw new IllegalStateException("refused");
        })).hasMessage("refused");

        assertThat(effects).isEmpty();
    }

    @Test
    @DisplayName("outside a transaction the effect runs at once")
    void outsideRunsAtOnce() {
        transactions.afterCommit(() -> effects.add("rung"));

        assertThat(effects).containsExactly("rung");
    }
}
