package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
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
 * The database server stopped (refusing connections): every kind of Slack request is answered in
 * words within Slack's 3 s, /health says DOWN, nothing is half-done, and all works once it is back.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DatabaseStoppedTest {

    final FakeSlackApi slack = FakeSlackApi.start();
    final OwnPostgres postgres = OwnPostgres.start();
    final RunningApp app = RunningApp.start(postgres.database(), slack, OutageRequests.POLICY);
    final OutageRequests requests = new OutageRequests(app, slack, postgres.database());

    @AfterEach
    void stop() {
        app.close();
        slack.close();
        postgres.close();
    }

    @Test
    @DisplayName("every kind of request is answered in words within 3 s; /health is DOWN; it recovers on restart")
    void answersEveryKindInTime() {
        requests.createChange();

        postgres.stop();
        var answers = requests.sendEveryKind();
        var health = timedHealth();
        System.out.println(OutageRequests.summary("stopped", answers) + "\n  /health                    "
                + health.took().toMillis() + " ms");

        OutageRequests.assertToldInTime(answers);
        assertThat(health.took()).isLessThan(Duration.ofSeconds(3));
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.jdbc()).isEqualTo("DOWN");

        postgres.restart();
        System.out.println("  usable again after restart  " + requests.awaitDatabaseBack(Duration.ofSeconds(10)).toMillis()
                + " ms");
        requests.assertNothingHalfDone();
        requests.assertWorksAgain();
    }

    record Health(int status, String jdbc, Duration took) {
    }

    Health timedHealth() {
        return timedHealth(app);
    }

    static Health timedHealth(RunningApp app) {
        long started = System.nanoTime();
        var response = app.get("/health");
        var took = Duration.ofNanos(System.nanoTime() - started);
        var jdbc = JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonObject("details")
                .getAsJsonObject("jdbc");
        assertThat(response.body()).doesNotContain("Exception", "java.");
        return new Health(response.statusCode(), jdbc.get("status").getAsString(), took);
    }
}
