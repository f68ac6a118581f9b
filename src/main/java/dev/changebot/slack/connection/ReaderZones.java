package dev.changebot.slack.connection;

import dev.changebot.domain.policy.Policy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The time zone a person set in Slack ({@code users.info}'s {@code tz}), so a calendar's days are
 * theirs. Remembered for an hour (people travel, rarely within the hour), for the
 * {@value #REMEMBERED} people who asked last, so asking again costs no call within Slack's 3 seconds.
 * When Slack cannot say, the policy's zone is used: the days are then the policy's, and the
 * view says which zone it is in.
 */
@Singleton
public class ReaderZones {

    private static final Logger LOG = LoggerFactory.getLogger(ReaderZones.class);
    static final int REMEMBERED = 10_000;
    static final Duration KEPT = Duration.ofHours(1);

    private final SlackWebApi webApi;
    private final Policy policy;
    private final Clock clock;
    private final Map<String, Known> known;

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
        var now = clock.instant();
        var cached = known.get(userId);
        if (cached != null && cached.at().plus(KEPT).isAfter(now)) {
            return cached.zone();
        }
        var client = webApi.client();
        if (client.isEmpty()) {
            return policy.zone();
        }
        try {
            var response = client.get().usersInfo(r -> r.user(userId));
            if (!response.isOk() || response.getUser() == null || response.getUser().getTz() == null) {
                LOG.warn("users.info gave no time zone for {}: {}", userId, response.getError());
                return policy.zone();
            }
            var zone = ZoneId.of(response.getUser().getTz());
            known.put(userId, new Known(zone, now));
            return zone;
        } catch (Exception e) {
            LOG.warn("Could not read the time zone of {}; using the policy's", userId, e);
            return policy.zone();
        }
    }
}
