package dev.changebot.slack.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.changebot.policyfile.PolicyFiles;
import dev.changebot.policyfile.PolicyLoad;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Roles from Slack user groups: one usergroups.list a minute, refreshed off the request path once known. */
@Timeout(30)
@DisplayName("Roles from Slack user groups")
class SlackRoleDirectoryTest {

    static final String WORKSPACE = FakeSlackApi.TEAM_ID;

    final FakeSlackApi slack = FakeSlackApi.start();
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    /** The background refresh's executor: its tasks wait until the test runs them. */
    final HeldTasks refresher = new HeldTasks();
    final SlackRoleDirectory directory = new SlackRoleDirectory(
            ((PolicyLoad.Loaded) PolicyFiles.load("preset:pol-012")).policy(), new SlackWebApi(Optional.of(
                    Slack.getInstance(config()).methods("xoxb-test"))), clock, refresher);

    @AfterEach
    void stop() {
        directory.close();
        slack.close();
    }

    @Test
    @DisplayName("the first lookup asks Slack; within the minute nobody asks again")
    void firstLookupFetchesThenTheAnswerIsKept() {
        slack.userGroup("engineers", "U0ENG");

        assertThat(directory.rolesOf(WORKSPACE, "U0ENG")).contains("reviewer");
        clock.advance(Duration.ofSeconds(59));
        assertThat(directory.rolesOf(WORKSPACE, "U0ENG")).contains("reviewer");

        assertThat(slack.calls("usergroups.list")).hasSize(1);
    }

    @Test
    @DisplayName("after the minute a lookup answers from the last answer at once, while one refresh brings the new one")
    void staleAnswerServedWhileOneRefreshRuns() {
        slack.userGroup("engineers", "U0ENG");
        directory.rolesOf(WORKSPACE, "U0ENG");
        slack.userGroup("engineers", "U0NEW");
        clock.advance(Duration.ofSeconds(61));

        // The request is answered from what was known; it does not wait for Slack.
        assertThat(directory.rolesOf(WORKSPACE, "U0NEW")).doesNotContain("reviewer");
        // A second stale lookup while the refresh is pending queues no second refresh.
        assertThat(directory.rolesOf(WORKSPACE, "U0NEW")).doesNotContain("reviewer");
        assertThat(refresher.runAll()).isEqualTo(1);

        assertThat(directory.rolesOf(WORKSPACE, "U0NEW")).contains("reviewer");
        assertThat(directory.rolesOf(WORKSPACE, "U0ENG")).doesNotContain("reviewer");
        assertThat(slack.calls("usergroups.list")).hasSize(2);
    }

    @Test
    @DisplayName("an answer older than two minutes is not used: the lookup asks Slack itself")
    void oldAnswerIsNotUsed() {
        slack.userGroup("engineers", "U0ENG");
        directory.rolesOf(WORKSPACE, "U0ENG");
        slack.userGroup("engineers", "U0NEW");
        clock.advance(SlackRoleDirectory.FRESH_FOR.plus(SlackRoleDirectory.STALE_FOR).plusSeconds(1));

        assertThat(directory.rolesOf(WORKSPACE, "U0NEW")).contains("reviewer");
        assertThat(slack.calls("usergroups.list")).hasSize(2);
    }

    private SlackConfig config() {
        var config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.baseUrl() + "/api/");
        return config;
    }

    /** An executor whose tasks run only when the test says so, on the test's thread. */
    static final class HeldTasks extends AbstractExecutorService {
        private final Deque<Runnable> tasks = new ArrayDeque<>();
        private boolean shutdown;

        int runAll() {
            int ran = 0;
            for (Runnable task; (task = tasks.poll()) != null; ran++) {
                task.run();
            }
            return ran;
        }

        @Override
        public void execute(Runnable task) {
            if (shutdown) {
                throw new RejectedExecutionException("shut down");
            }
            tasks.add(task);
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            var pending = List.copyOf(tasks);
            tasks.clear();
            return pending;
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown && tasks.isEmpty();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return isTerminated();
        }
    }
}
