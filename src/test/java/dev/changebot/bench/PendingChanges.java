package dev.changebot.bench;

import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.AppProcess;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The pending changes the approvals act on, requested through the app's own signed new-change form
 * submissions, each in a channel of its own and planned in a window of its own (no conflicts), and posted
 * there by the outbox as in production.
 */
final class PendingChanges {

    private static final int MAX_ATTEMPTS = 5;

    private PendingChanges() {
    }

    static boolean overlapping() {
        return "1".equals(System.getenv("OVERLAPPING"));
    }

    /** Where a change's message was posted. */
    record Message(String channel, String ts) {
    }

    /**
     * Requests {@code count} changes; change number → its posted message. The forms are sent in
     * parallel, so which channel gets which number is read back from the database.
     */
    static Map<Integer, Message> request(AppProcess app, TestDatabase db, int count) throws Exception {
        long started = System.nanoTime();
        var pool = Executors.newFixedThreadPool(8);
        var firstStart = Instant.now().plus(Duration.ofDays(1));
        var futures = new ArrayList<Future<?>>();
        for (int i = 1; i <= count; i++) {
            var channel = TrafficMix.channelOf(i);
            // An hour apart (45 minutes each): the bench measures acks, not a calendar of changes planned over each
            // other; OVERLAPPING=1 plans them all in one window, as the bench did before (each over all the others).
            var start = overlapping() ? firstStart : firstStart.plus(Duration.ofHours(i));
            futures.add(pool.submit(() -> {
                submit(app, channel, start);
                return null;
            }));
        }
        for (var f : futures) {
            f.get();
        }
        pool.shutdown();
        var messages = postedMessages(db, count);
        System.out.printf("Requested %d pending changes%s and posted their messages in %.0f s; conflicts recorded:"
                        + " %d pairs, %d requests' rest as a count; thread notices %d%n", count,
                overlapping() ? " in one window (OVERLAPPING)" : " an hour apart", (System.nanoTime() - started) / 1e9,
                db.count("change_conflict"), db.count("change_conflict_unlisted"), db.count("slack_notice"));
        return messages;
    }

    /**
     * Sends one new-change form; a form the app could not take in time ("try again", as it tells a
     * person on a busy machine) is sent again, as the person would, a few times at most.
     */
    private static void submit(AppProcess app, String channel, Instant start) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            var response = app.slack(SlackPayloads.viewSubmission("U0REQUEST", SlackIds.NEW_CHANGE_MODAL,
                    ChangeRef.inChannel(channel).encode(),
                    ChangeForms.complete(start).state()), SlackPayloads.FORM);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("A new-change form was refused: HTTP " + response.statusCode());
            }
            if (!response.body().contains(LoadGenerator.TRY_AGAIN)) {
                return;
            }
            if (attempt == MAX_ATTEMPTS) {
                throw new IllegalStateException("A new-change form was answered \"try again\" " + MAX_ATTEMPTS + " times");
            }
            TimeUnit.SECONDS.sleep(attempt);
        }
    }

    /** Waits (at most five minutes) until the outbox has posted every change's message. */
    private static Map<Integer, Message> postedMessages(TestDatabase db, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (db.count("change_request") < count
                || !db.rows("SELECT 1 FROM change_request WHERE message_ts IS NULL LIMIT 1").isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The change messages were not all posted within five minutes");
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        var messages = new HashMap<Integer, Message>();
        db.rows("SELECT number, message_channel_id, message_ts FROM change_request").forEach(r -> messages.put(
                ((Number) r.get("number")).intValue(), new Message(r.get("message_channel_id").toString(),
                        r.get("message_ts").toString())));
        return messages;
    }
}
