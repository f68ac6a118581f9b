package dev.changebot.api;

import dev.changebot.application.calendar.CalendarFeeds;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code GET /calendar/{token}.ics}: the change calendar for calendar apps (docs/calendar.md). The
 * token in the URL is the subscriber's secret; an unknown, revoked or malformed one is a plain 404
 * that does not say which. Calendar apps poll: the text is kept a minute per subscription
 * ({@link FeedCache}) and carries an ETag, so an unchanged feed is a 304 with no body.
 */
@Controller("/calendar")
class CalendarFeedController {

    static final String TEXT_CALENDAR = "text/calendar; charset=utf-8";

    private final CalendarFeeds feeds;
    private final FeedCache cache;

    CalendarFeedController(CalendarFeeds feeds, FeedCache cache) {
        this.feeds = feeds;
        this.cache = cache;
    }

    @Get(uri = "/{file}", produces = TEXT_CALENDAR)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<String> feed(@PathVariable String file, HttpRequest<?> request) {
        if (!file.endsWith(".ics")) {
            return notFound();
        }
        var subscription = feeds.subscription(file.substring(0, file.length() - ".ics".length()));
        if (subscription.isEmpty()) {
            return notFound();
        }
        var text = cache.of(subscription.get(), () -> ICalendarText.write(feeds.feed(subscription.get())));
        var seen = request.getHeaders().get("If-None-Match");
        if (seen != null && java.util.Arrays.stream(seen.split(",")).map(String::strip)
                .anyMatch(tag -> tag.equals(text.etag()) || tag.equals("W/" + text.etag()))) {
            return HttpResponse.<String>status(HttpStatus.NOT_MODIFIED).header("ETag", text.etag())
                    .header("Cache-Control", "private, max-age=60");
        }
        return HttpResponse.ok(text.body()).contentType(MediaType.of(TEXT_CALENDAR)).header("ETag", text.etag())
                .header("Cache-Control", "private, max-age=60");
    }

    private static HttpResponse<String> notFound() {
        return HttpResponse.<String>status(HttpStatus.NOT_FOUND).body("Not found.").contentType(MediaType.TEXT_PLAIN_TYPE);
    }
}
