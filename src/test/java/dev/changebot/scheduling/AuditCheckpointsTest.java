package dev.changebot.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.changebot.application.audit.PostingProblems;
import dev.changebot.application.audit.TakeCheckpoints;
import dev.changebot.domain.audit.Checkpoint;
import dev.changebot.domain.audit.SignedNote;
import dev.changebot.domain.audit.VerifierKey;
import dev.changebot.support.AuditChainRows;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.MutableClock;
import dev.changebot.support.RunningApp;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * Signed checkpoints of the audit chains: taken when a chain grew and the interval passed (the test
 * runs the job and moves the clock), recorded once per chain state whichever node signs, posted to
 * the audit channel, and a channel that cannot be posted to blocks nothing and is told once.
 */
@Timeout(120)
class AuditCheckpointsTest {

    static final String CHAIN = FakeSlackApi.TEAM_ID;
    static final Instant START = Instant.parse("2026-11-02T09:00:00Z");

    @Test
    @DisplayName("a chain that grew is signed and posted to the audit channel as a code block; one that did not is left alone")
    void signsAndPosts() {
        var db = TestPostgres.freshDatabase();
        var clock = new MutableClock(START);
        try (var slack = FakeSlackApi.start(); var app = start(db, slack, clock, Map.of("changebot.audit.channel", "#audit"))) {
            var head = AuditChainRows.append(db, CHAIN, 3, START);

            app.bean(AuditCheckpointsJob.class).run();

            var row = db.rows("SELECT size, head_hash, note, key_name, taken_at FROM audit_checkpoint").get(0);
            assertThat(row).containsEntry("size", 3L).containsEntry("key_name", "changebot-audit");
            assertThat((byte[]) row.get("head_hash")).isEqualTo(head);
            var note = SignedNote.parse((String) row.get("note"));
            assertThat(note.signedBy(verifierKey(app))).isTrue();
            assertThat(Checkpoint.parse(note.text()))
                    .isEqualTo(new Checkpoint(Checkpoint.originOf(CHAIN), 3, head, START));

            var posts = slack.calls("chat.postMessage");
            assertThat(posts).singleElement().satisfies(call -> {
                assertThat(call.param("channel")).isEqualTo("#audit");
                assertThat(call.param("text")).contains("```\n" + row.get("note") + "```").contains("audit verify");
            });
            assertThat(db.rows("SELECT channel_id, message_ts, permalink, problem FROM audit_checkpoint_post"))
                    .singleElement().satisfies(post -> {
                        assertThat(post.get("message_ts")).isNotNull();
                        assertThat((String) post.get("permalink")).startsWith("https://");
                        assertThat(post.get("problem")).isNull();
                    });

            clock.advance(Duration.ofHours(2));
            app.bean(AuditCheckpointsJob.class).run();
            assertThat(db.count("audit_checkpoint")).as("nothing new to sign").isEqualTo(1);
            assertThat(slack.calls("chat.postMessage")).hasSize(1);
        }
    }

    @Test
    @DisplayName("periodic: a chain that grew is signed again only once the interval has passed since its newest checkpoint")
    void waitsForTheInterval() {
        var db = TestPostgres.freshDatabase();
        var clock = new MutableClock(START);
        try (var slack = FakeSlackApi.start(); var app = start(db, slack, clock, Map.of("changebot.audit.channel", "C0AUDIT",
                "changebot.audit.checkpoint-interval", "1h"))) {
            AuditChainRows.append(db, CHAIN, 2, START);
            app.bean(AuditCheckpointsJob.class).run();
            var head = AuditChainRows.append(db, CHAIN, 3, START);

            clock.advance(Duration.ofMinutes(59));
            app.bean(AuditCheckpointsJob.class).run();
            assertThat(db.rows("SELECT size FROM audit_checkpoint ORDER BY size")).extracting(r -> r.get("size"))
                    .containsExactly(2L);

            clock.advance(Duration.ofMinutes(1));
            app.bean(AuditCheckpointsJob.class).run();
            assertThat(db.rows("SELECT size, head_hash FROM audit_checkpoint ORDER BY size")).extracting(r -> r.get("size"))
                    .containsExactly(2L, 5L);
            assertThat((byte[]) db.rows("SELECT head_hash FROM audit_checkpoint WHERE size = 5").get(0).get("head_hash"))
                    .isEqualTo(head);
            assertThat(slack.calls("chat.postMessage")).extracting(c -> c.param("channel")).containsExactly("C0AUDIT", "C0AUDIT");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"channel_not_found", "not_in_channel"})
    @DisplayName("a channel Slack refuses: every checkpoint is still recorded, each post's problem too, the log says it once and /health shows it")
    void refusedChannel(String error) {
        var db = TestPostgres.freshDatabase();
        var clock = new MutableClock(START);
        var log = capture(PostingProblems.class);
        try (var slack = FakeSlackApi.start(); var app = start(db, slack, clock, Map.of("changebot.audit.channel", "#audit"))) {
            for (int i = 0; i < 2; i++) {
                slack.answerNext("chat.postMessage", 200, "{\"ok\":false,\"error\":\"" + error + "\"}", Map.of());
                AuditChainRows.append(db, CHAIN, 1, clock.instant());
                app.bean(AuditCheckpointsJob.class).run();
                clock.advance(Duration.ofHours(1));
            }

            assertThat(db.count("audit_checkpoint")).isEqualTo(2);
            assertThat(db.rows("SELECT channel_id, problem, message_ts FROM audit_checkpoint_post")).hasSize(2)
                    .allSatisfy(post -> assertThat(post).containsEntry("problem", error).containsEntry("channel_id", "#audit")
                            .containsEntry("message_ts", null));
            assertThat(slack.calls("chat.postMessage")).as("a refusal is final: no retries").hasSize(2);
            assertThat(log.list).as("told once").singleElement()
                    .satisfies(e -> assertThat(e.getFormattedMessage()).contains("#audit", error));
            var audit = health(app);
            assertThat(audit.get("status").getAsString()).isEqualTo("UP");
            assertThat(audit.getAsJsonObject("details").getAsJsonObject("lastPostProblem").get("problem").getAsString())
                    .isEqualTo(error);
        } finally {
            release(PostingProblems.class, log);
        }
    }

    @Test
    @DisplayName("Slack's 429 or a passing failure: the post waits (Retry-After, backoff) and goes at a later run, once")
    void rateLimitedThenPosted() {
        var db = TestPostgres.freshDatabase();
        var clock = new MutableClock(START);
        try (var slack = FakeSlackApi.start(); var app = start(db, slack, clock, Map.of("changebot.audit.channel", "#audit"))) {
            slack.answerNext("chat.postMessage", 429, "{\"ok\":false,\"error\":\"ratelimited\"}", Map.of("Retry-After", "30"));
            slack.answerNext("chat.postMessage", 200, "{\"ok\":false,\"error\":\"internal_error\"}", Map.of());
            AuditChainRows.append(db, CHAIN, 2, START);

            app.bean(AuditCheckpointsJob.class).run();
            clock.advance(Duration.ofSeconds(31));
            app.bean(AuditCheckpointsJob.class).run();
            assertThat(db.count("audit_checkpoint_post")).as("nothing settled yet").isZero();
            clock.advance(Duration.ofMinutes(1));
            app.bean(AuditCheckpointsJob.class).run();

            assertThat(slack.calls("chat.postMessage")).hasSize(3);
            assertThat(db.rows("SELECT problem, message_ts FROM audit_checkpoint_post")).singleElement()
                    .satisfies(post -> assertThat(post.get("problem")).isNull());
            assertThat(health(app).getAsJsonObject("details").has("lastPostProblem")).isFalse();
        }
    }

    @Test
    @DisplayName("no audit channel configured: the checkpoint is recorded with that problem, Slack is not called")
    void noChannel() {
        var db = TestPostgres.freshDatabase();
        try (var slack = FakeSlackApi.start(); var app = start(db, slack, new MutableClock(START), Map.of())) {
            AuditChainRows.append(db, CHAIN, 1, START);

            app.bean(AuditCheckpointsJob.class).run();

            assertThat(db.count("audit_checkpoint")).isEqualTo(1);
            assertThat(db.rows("SELECT problem FROM audit_checkpoint_post")).singleElement()
                    .satisfies(post -> assertThat((String) post.get("problem")).contains("CHANGEBOT_AUDIT_CHANNEL"));
            assertThat(slack.calls("chat.postMessage")).isEmpty();
        }
    }

    @Test
    @DisplayName("/health shows the verifier key and each chain's newest checkpoint")
    void health() {
        var db = TestPostgres.freshDatabase();
        try (var slack = FakeSlackApi.start();
             var app = start(db, slack, new MutableClock(START), Map.of("changebot.audit.channel", "#audit"))) {
            AuditChainRows.append(db, CHAIN, 4, START);
            app.bean(AuditCheckpointsJob.class).run();

            var details = health(app).getAsJsonObject("details");

            assertThat(VerifierKey.parse(details.get("verifierKey").getAsString())).isEqualTo(verifierKey(app));
            var chain = details.getAsJsonObject("checkpoints").getAsJsonObject(CHAIN);
            assertThat(chain.get("checkpointSize").getAsLong()).isEqualTo(4);
            assertThat(chain.get("checkpointAt").getAsString()).isEqualTo(START.toString());
            assertThat(details.has("lastPostProblem")).isFalse();
        }
    }

    @Test
    @DisplayName("two nodes signing at once record the chain's state once, and it is posted once")
    void twoNodesSignOnce() throws Exception {
        var db = TestPostgres.freshDatabase();
        var clock = new MutableClock(START);
        var channel = Map.<String, Object>of("changebot.audit.channel", "#audit");
        var failures = capture(TakeCheckpoints.class);
        try (var slack = FakeSlackApi.start(); var one = start(db, slack, clock, channel);
             var two = start(db, slack, clock, channel)) {
            AuditChainRows.append(db, CHAIN, 7, START);
            var go = new CountDownLatch(1);
            var first = CompletableFuture.supplyAsync(() -> awaitThen(go, one.bean(TakeCheckpoints.class)::now));
            var second = CompletableFuture.supplyAsync(() -> awaitThen(go, two.bean(TakeCheckpoints.class)::now));
            go.countDown();

            var signed = first.get(30, TimeUnit.SECONDS).size() + second.get(30, TimeUnit.SECONDS).size();
            one.bean(AuditCheckpointsJob.class).run();
            two.bean(AuditCheckpointsJob.class).run();

            assertThat(signed).isEqualTo(1);
            assertThat(db.rows("SELECT size FROM audit_checkpoint")).singleElement()
                    .satisfies(r -> assertThat(r).containsEntry("size", 7L));
            assertThat(slack.calls("chat.postMessage")).hasSize(1);
            assertThat(failures.list).as("the slower node's insert is dropped, not failed")
                    .noneMatch(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN);
        } finally {
            release(TakeCheckpoints.class, failures);
        }
    }

    private static <T> T awaitThen(CountDownLatch go, java.util.function.Supplier<T> work) {
        try {
            go.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return work.get();
    }

    private static RunningApp start(TestDatabase db, FakeSlackApi slack, MutableClock clock, Map<String, Object> extra) {
        return RunningApp.start(db, slack, new HashMap<>(extra), clock);
    }

    private static VerifierKey verifierKey(RunningApp app) {
        return app.bean(dev.changebot.domain.audit.SigningKey.class).verifierKey();
    }

    private static JsonObject health(RunningApp app) {
        return JsonParser.parseString(app.get("/health").body()).getAsJsonObject().getAsJsonObject("details")
                .getAsJsonObject("audit");
    }

    private static ListAppender<ILoggingEvent> capture(Class<?> source) {
        var logger = (Logger) LoggerFactory.getLogger(source);
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        logger.addAppender(appender);
        return appender;
    }

    private static void release(Class<?> source, ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(source)).detachAppender(appender);
    }
}
