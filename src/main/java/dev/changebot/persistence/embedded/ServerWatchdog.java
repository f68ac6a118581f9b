package dev.changebot.persistence.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes an orphaned server unlikely in the first place: a SIGKILLed JVM runs no shutdown hook, but
 * the kernel still closes its end of this small shell's stdin. The shell then asks the server for a
 * fast shutdown, if the data directory's pid file still names the server it was started for.
 * {@link OrphanedServer} remains the safety net for when the watchdog died too (a host crash).
 */
final class ServerWatchdog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServerWatchdog.class);
    private static final String SCRIPT = """
            cat > /dev/null
            pid=$(head -n 1 "$1/postmaster.pid" 2>/dev/null)
            if [ "$pid" = "$2" ]; then kill -INT "$2"; fi
            """;

    private final Process process;

    private ServerWatchdog(Process process) {
        this.process = process;
    }

    static ServerWatchdog watch(Path cluster, long postmasterPid) {
        try {
            var process = new ProcessBuilder("/bin/sh", "-c", SCRIPT, "changebot-postgres-watchdog",
                    cluster.toString(), Long.toString(postmasterPid))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new ServerWatchdog(process);
        } catch (IOException e) {
            // Without /bin/sh the next start still stops an orphan; this is a second line of defence.
            LOG.warn("No watchdog for the embedded PostgreSQL ({}); a killed JVM may leave it running until the"
                    + " next start", e.toString());
            return new ServerWatchdog(null);
        }
    }

    long pid() {
        return process == null ? -1 : process.pid();
    }

    /** After the server has stopped: the watchdog wakes, finds no server of its own, and exits. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
