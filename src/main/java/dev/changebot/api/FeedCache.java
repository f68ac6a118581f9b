package dev.changebot.api;

import dev.changebot.application.port.CalendarSubscriptions;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The feed's text, kept {@link #KEPT} per subscription (its workspace and services: subscribers with the
 * same share it), with its ETag. Calendar apps poll every 15 minutes at most; a minute's delay on a
 * change is nothing to them, and a burst of polls costs one build. Each node keeps its own.
 */
@Singleton
class FeedCache {

    static final Duration KEPT = Duration.ofMinutes(1);
    /** Past this many subscriptions' texts, the cache is emptied rather than grown. */
    static final int MAX_ENTRIES = 1_000;

    private final Clock clock;
    private final Map<CalendarSubscriptions.Subscription, Text> texts = new ConcurrentHashMap<>();

    FeedCache(Clock clock) {
        this.clock = clock;
    }

    /** A feed's text and its entity tag (quoted, as HTTP writes it). */
    record Text(String body, String etag, Instant builtAt) {
    }

    Text of(CalendarSubscriptions.Subscription key, Supplier<String> build) {
        var now = clock.instant();
        var kept = texts.get(key);
        if (kept != null && kept.builtAt().plus(KEPT).isAfter(now) && !kept.builtAt().isAfter(now)) {
            return kept;
        }
        var body = build.get();
        var text = new Text(body, "\"" + sha256(body).substring(0, 32) + "\"", now);
        if (texts.size() >= MAX_ENTRIES) {
            texts.clear();
        }
        texts.put(key, text);
        return text;
    }

    private static String sha256(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
