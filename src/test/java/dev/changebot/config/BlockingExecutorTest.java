package dev.changebot.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestPostgres;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class BlockingExecutorTest {

    @Test
    @DisplayName("the Slack route's executor keeps requests that come one at a time on one or two warm threads")
    void sequentialRequestsStayWarm() {
        try (var slack = FakeSlackApi.start();
             var app = RunningApp.start(TestPostgres.freshDatabase(), slack)) {
            var before = blockingThreads();
            for (int i = 0; i < 20; i++) {
                var list = SlackPayloads.slashCommand("U0ALICE", "C0CHANGES", "list");
                var response = app.slack(list, SlackPayloads.FORM);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).contains("No open changes");
            }
            // A fixed thread pool starts a thread per request up to its 16; a reply can reach the client a moment
            // before its thread is idle again, so the next request may start a second thread, rarely a third.
            var started = blockingThreads();
            started.removeAll(before);
            assertThat(started).hasSizeBetween(1, 3);
        }
    }

    /** This JVM's live threads of a blocking executor (earlier tests' apps may still be ending theirs). */
    private static Set<Thread> blockingThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("blocking-executor-thread-"))
                .collect(Collectors.toCollection(HashSet::new));
    }
}
