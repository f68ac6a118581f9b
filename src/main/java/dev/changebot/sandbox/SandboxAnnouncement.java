package dev.changebot.sandbox;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's one line at start-up, once the port is known: where to open it, or, when the
 * sandbox was asked for but real credentials keep it off, why.
 */
@Singleton
class SandboxAnnouncement {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxAnnouncement.class);

    private final SandboxMode mode;

    SandboxAnnouncement(SandboxMode mode) {
        this.mode = mode;
    }

    @EventListener
    void onServerStartup(ServerStartupEvent event) {
        if (!mode.on()) {
            if (mode.why().startsWith("CHANGEBOT_SANDBOX=true") || mode.why().contains("neither true nor false")) {
                LOG.warn("Sandbox: off, {}", mode.why());
            }
            return;
        }
        int port = event.getSource().getPort();
        LOG.info("Sandbox: open http://localhost:{}/sandbox (no Slack workspace needed; set SLACK_BOT_TOKEN… to connect to Slack)",
                port);
        if (mode.exposed()) {
            LOG.warn("Sandbox: exposed to other hosts (CHANGEBOT_SANDBOX_EXPOSE=true): whoever reaches port {} can act"
                    + " as anyone in it and move the bot's clock", port);
        } else if (mode.why().contains("neither true nor false")) {
            LOG.warn("Sandbox: {}", mode.why());
        }
    }
}
