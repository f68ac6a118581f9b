package dev.changebot.sandbox.web;

import dev.changebot.sandbox.SandboxMode;
import dev.changebot.sandbox.SandboxOn;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.core.annotation.Nullable;

/**
 * The sandbox lets whoever reaches it act as anyone (and move the bot's clock), so its routes
 * answer only this machine unless CHANGEBOT_SANDBOX_EXPOSE=true. The address judged is the TCP
 * peer's, never a forwarding header a remote client could write.
 */
@ServerFilter("/sandbox/**")
@Requires(condition = SandboxOn.class)
class LoopbackOnly {

    private final boolean exposed;

    LoopbackOnly(SandboxMode mode) {
        this.exposed = mode.exposed();
    }

    @RequestFilter
    @Nullable
    MutableHttpResponse<?> refuseRemote(HttpRequest<?> request) {
        if (exposed || request.getRemoteAddress().getAddress().isLoopbackAddress()) {
            return null;
        }
        return HttpResponse.status(HttpStatus.FORBIDDEN)
                .body("The sandbox answers this machine only (set CHANGEBOT_SANDBOX_EXPOSE=true to open it to others).");
    }
}
