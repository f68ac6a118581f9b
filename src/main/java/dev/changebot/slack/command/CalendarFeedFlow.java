package dev.changebot.slack.command;

import dev.changebot.application.calendar.CalendarFeeds;
import dev.changebot.slack.view.Mrkdwn;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * `/change calendar subscribe [service…]` and `unsubscribe`: a private iCal URL, shown once, with how to
 * add it to the usual calendar apps. The URL starts with {@code changebot.public-url}
 * (CHANGEBOT_PUBLIC_URL), the address people reach Changebot's HTTP server at.
 */
@Singleton
class CalendarFeedFlow {

    private final CalendarFeeds feeds;
    private final String publicUrl;

    CalendarFeedFlow(CalendarFeeds feeds, @Value("${changebot.public-url:}") String publicUrl) {
        this.feeds = feeds;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    String subscribe(String team, String user, List<String> services) {
        var outcome = feeds.subscribe(team, user, services);
        if (outcome instanceof CalendarFeeds.Refused refused) {
            return Mrkdwn.escape(refused.reason());
        }
        var path = "/calendar/" + ((CalendarFeeds.Created) outcome).token() + ".ics";
        var url = publicUrl.isBlank() ? path : publicUrl + path;
        var scope = services.isEmpty() ? "every service" : String.join(", ", services);
        return "Your private calendar URL (" + Mrkdwn.escape(scope) + "). Keep it to yourself: anyone with it reads the"
                + " calendar. It is shown only this once.\n```" + url + "```\n"
                + (publicUrl.isBlank() ? "_Put the address of this Changebot server in front of it (the operator can set"
                        + " CHANGEBOT_PUBLIC_URL so it is written here)._\n" : "")
                + "• *Google Calendar*: Other calendars → + → From URL, paste it.\n"
                + "• *Outlook*: Add calendar → Subscribe from web, paste it.\n"
                + "• *Apple Calendar*: File → New Calendar Subscription, paste it.\n"
                + "Calendar apps refresh it every 15 minutes at most (Google's own pace is slower)."
                + " `/change calendar unsubscribe` revokes every URL you made.";
    }

    String unsubscribe(String team, String user) {
        int revoked = feeds.unsubscribe(team, user);
        return revoked == 0 ? "You have no calendar URL to revoke."
                : "Revoked " + revoked + (revoked == 1 ? " calendar URL" : " calendar URLs")
                        + ": calendar apps using it get nothing from now on.";
    }
}
