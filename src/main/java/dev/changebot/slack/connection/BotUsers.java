package dev.changebot.slack.connection;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a user is a bot, from {@code users.info}, remembered: whether someone is a bot does not
 * change. Reactions by bots never approve anything (Bolt only ignores our own bot's events).
 * Remembered for the {@value #REMEMBERED} people who reacted last: a bounded memory however many
 * people a long-running bot meets, and a workspace's active reactors all fit.
 */
@Singleton
public class BotUsers {

    private static final Logger LOG = LoggerFactory.getLogger(BotUsers.class);

    private final SlackWebApi webApi;
    static final int REMEMBERED = 10_000;

    private final Map<String, Boolean> known;

    @Inject
    BotUsers(SlackWebApi webApi) {
        this(webApi, REMEMBERED);
    }

    BotUsers(SlackWebApi webApi, int remembered) {
        this.webApi = webApi;
        // Access order: the people who reacted longest ago are forgotten first.
        this.known = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > remembered;
            }
        });
    }

    public boolean isBot(String userId) {
        var cached = known.get(userId);
        if (cached != null) {
            return cached;
        }
        var client = webApi.client();
        if (client.isEmpty()) {
            return false;
        }
        try {
            var response = client.get().usersInfo(r -> r.user(userId));
            if (!response.isOk() || response.getUser() == null) {
                LOG.warn("users.info refused for {}: {}", userId, response.getError());
                return false;
            }
            boolean bot = response.getUser().isBot() || "USLACKBOT".equals(userId);
            known.put(userId, bot);
            return bot;
        } catch (Exception e) {
            LOG.warn("Could not tell whether {} is a bot", userId, e);
            return false;
        }
    }
}
