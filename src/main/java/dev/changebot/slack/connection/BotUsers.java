package dev.changebot.slack.connection;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a user is a bot, from {@code users.info}, remembered: whether someone is a bot does not
 * change. Reactions by bots never approve anything (Bolt only ignores our own bot's events).
 */
@Singleton
public class BotUsers {

    private static final Logger LOG = LoggerFactory.getLogger(BotUsers.class);

    private final SlackWebApi webApi;
    private final Map<String, Boolean> known = new ConcurrentHashMap<>();

    BotUsers(SlackWebApi webApi) {
        this.webApi = webApi;
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
