package dev.changebot.sandbox.web;

import dev.changebot.sandbox.SandboxOn;
import dev.changebot.sandbox.workspace.Workspace;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.sse.Event;
import java.time.Duration;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * GET /sandbox/api/events: server-sent events telling the page the workspace changed
 * ({@code event: changed}, {@code data: {"version": N}}), the current version first, and a comment
 * every 15 s so proxies and browsers keep the stream open. Only the latest version matters, so a
 * slow reader gets the latest rather than a backlog.
 */
@Controller("/sandbox/api/events")
@Requires(condition = SandboxOn.class)
class SandboxEvents {

    static final Duration PING = Duration.ofSeconds(15);

    private final Workspace workspace;

    SandboxEvents(Workspace workspace) {
        this.workspace = workspace;
    }

    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    Publisher<Event<String>> events() {
        Flux<Event<String>> changes = Flux.create(sink -> {
            var cancel = workspace.subscribe(version -> sink.next(changed(version)));
            sink.onDispose(cancel::run);
            sink.next(changed(workspace.version()));
        }, FluxSink.OverflowStrategy.LATEST);
        Flux<Event<String>> pings = Flux.interval(PING).map(i -> Event.of("").comment("ping").name("ping"));
        return Flux.merge(changes, pings);
    }

    private static Event<String> changed(long version) {
        return Event.of("{\"version\":" + version + "}").name("changed");
    }
}
