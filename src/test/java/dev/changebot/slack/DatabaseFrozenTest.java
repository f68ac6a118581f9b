package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.OwnPostgres;
import dev.changebot.support.RunningApp;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The database frozen (every server process SIGSTOPped: what a network partition looks like,
 * connections open and nothing answering): every kind of Slack request is still answered in words
 * within Slack's 3 s, /health says DOWN within a bound, and all works again after SIGCONT.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DatabaseFrozenTest {

    final FakeSlackApi slack = FakeSlackApi.start();
    final OwnPostgres postgres = OwnPostgres.start();
    final RunningApp app = RunningApp.start(postgres.database(), slack, OutageRequests.POLICY);
    final OutageRequests requests = new OutageRequests(app, slack, postgres.database());

    @AfterEach
    void stop() {
        // Thawed first, whatever happened: a stopped server would hang everything after it.
        postgres.thaw();
        app.close();
        slack.close();
        postgres.close();
    }

    @Test
    @DisplayName("every kind of request is answered in words within 3 s; /health is DOWN; it works again after SIGCONT")
    void answersEveryKindInTime() {
        requests.createChange();

        postgres.freeze();
        var answers = requests.sendEveryKind();
        var health = DatabaseStoppedTest.timedHealth(app);
        System.out.println(OutageRequests.summary("frozen", answers) + "\n  /health                    "
                + health.took().toMillis() + " ms");

        OutageRequests.assertToldInTime(answers);
        assertThat(health.took()).isLessThan(Duration.ofSeconds(3));
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.jdbc()).isEqualTo("DOWN");

        postgres.thaw();
        System.out.println("  usable again after SIGCONT  " + requests.awaitDatabaseBack(Duration.ofSeconds(10)).toMillis()
                + " ms");
        requests.assertNothingHalfDone();
        requests.assertWorksAgain();
    }
}
