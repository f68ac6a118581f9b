package dev.changebot.sandbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;

/**
 * Where this server listens, for the bot to reach the stand-in and the stand-in to reach the bot,
 * always over loopback. The port (a random one in tests) is only known once the server listens:
 * until then there is no address, and a call made before then fails like a call to a Slack that is
 * not up yet (the outbox retries it).
 */
@Singleton
@Requires(condition = SandboxOn.class)
public class SandboxAddress {

    private volatile int port = -1;

    @EventListener
    void onServerStartup(ServerStartupEvent event) {
        port = event.getSource().getPort();
    }

    public int port() {
        if (port < 0) {
            throw new IllegalStateException("The sandbox has no address until the server listens");
        }
        return port;
    }

    /** This server over loopback, e.g. http://127.0.0.1:8080. */
    public String loopbackUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** The stand-in's Web API base: the SDK calls {@code <base>/api/<method>}. */
    public String webApiBase() {
        return loopbackUrl() + "/sandbox/slack";
    }

    /** What a person opens in their browser. */
    public String pageUrl() {
        return "http://localhost:" + port() + "/sandbox";
    }
}
