package dev.changebot.slack.connection;

import dev.changebot.domain.policy.Policy;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The time zone a person set in Slack ({@code users.info}'s {@code tz}), so a calendar's days are
 * theirs. Remembered for an hour (people travel, rarely within the hour), for the
 * {@value #REMEMBERED} people who asked last, so asking again costs no call within Slack's 3 seconds.
 * The first lookup is asked within those 3 seconds too, so it waits at most {@link #WAIT} for Slack:
 * a slow users.info must not make the calendar's ack late. When Slack cannot say in time, the
 * policy's zone is used (the view says which zone it is in) and the answer, when it comes, is
 * remembered for the next time.
 */
@Singleton
public class ReaderZones {

    private static final Logger LOG = LoggerFactory.getLogger(ReaderZones.class);
    static final int REMEMBERED = 10_000;
    static final Duration KEPT = Duration.ofHours(1);
    static final Duration WAIT = Duration.ofMillis(1200);
    /** Lookups waiting for a thread beyond this are not asked: the policy's zone answers at once. */
    private static final int QUEUED = 64;

    private final SlackWebApi webApi;
    private final Policy policy;
    private final Clock clock;
    private final Map<String, Known> known;
    private final Map<String, CompletableFuture<Optional<ZoneId>>> asking = new ConcurrentHashMap<>();
    private final ExecutorService lookups = new ThreadPoolExecutor(0, 2, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUED), daemon -> {
                var thread = new Thread(daemon, "reader-zones");
                thread.setDaemon(true);
                return thread;
            });

    private record Known(ZoneId zone, Instant at) {
    }

    @Inject
    ReaderZones(SlackWebApi webApi, Policy policy, Clock clock) {
        this.webApi = webApi;
        this.policy = policy;
        this.clock = clock;
        this.known = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
                return size() > REMEMBERED;
            }
        });
    }

    public ZoneId of(String userId) {
        var cached = known.get(userId);
        if (cached != null && cached.at().plus(KEPT).isAfter(clock.instant())) {
            return cached.zone();
        }
        if (webApi.client().isEmpty()) {
            return policy.zone();
        }
        try {
            return ask(userId).get(WAIT.toMillis(), TimeUnit.MILLISECONDS).orElseGet(policy::zone);
        } catch (TimeoutException e) {
            LOG.info("users.info did not answer for {} within {} ms; the policy's zone for now", userId, WAIT.toMillis());
            return policy.zone();
        } catch (RejectedExecutionException e) {
            LOG.warn("Too many time-zone lookups waiting; the policy's zone for {}", userId);
            return policy.zone();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return policy.zone();
        } catch (ExecutionException e) {
            LOG.warn("Could not read the time zone of {}; using the policy's", userId, e.getCause());
            return policy.zone();
        }
    }

    /** One question per person at a time, however many of their requests wait for it. */
    private CompletableFuture<Optional<ZoneId>> ask(String userId) {
        var mine = new CompletableFuture<Optional<ZoneId>>();
        var asked = asking.putIfAbsent(userId, mine);
        if (asked != null) {
            return asked;
        }
        try {
            CompletableFuture.supplyAsync(() -> lookUp(userId), lookups).whenComplete((zone, failure) -> {
                asking.remove(userId, mine);
                mine.complete(failure == null ? zone : Optional.empty());
            });
        } catch (RejectedExecutionException e) {
            asking.remove(userId, mine);
            throw e;
        }
        return mine;
    }

    /** Slack's answer, remembered; empty when it gives no zone. */
    private Optional<ZoneId> lookUp(String userId) {
        try {
            var response = webApi.client().orElseThrow().usersInfo(r -> r.user(userId));
            if (!response.isOk() || response.getUser() == null || response.getUser().getTz() == null) {
                LOG.warn("users.info gave no time zone for {}: {}", userId, response.getError());
                return Optional.empty();
            }
            var zone = ZoneId.of(response.getUser().getTz());
            known.put(userId, new Known(zone, clock.instant()));
            return Optional.of(zone);
        } catch (Exception e) {
            LOG.warn("Could not read the time zone of {}; using the policy's", userId, e);
            return Optional.empty();
        }
    }

    @PreDestroy
    void stop() {
        lookups.shutdownNow();
    }
}
