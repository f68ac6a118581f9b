package dev.changebot.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;

/**
 * The bot's logging, set up in code rather than from a {@code logback.xml}: reading XML costs a
 * start about 500 classes (a SAX parser, Logback's model and its processors) and a tenth of the
 * main thread's start-up CPU (docs/performance/startup-and-memory.md, "Start-up"). Found by Logback through
 * {@code META-INF/services}; it stands aside (and Logback reads the file as usual) whenever an
 * operator or a test brings a file of their own: {@code -Dlogback.configurationFile}, or a
 * {@code logback-test.xml} or {@code logback.xml} on the class path (this jar ships neither).
 */
public final class LoggingDefaults extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n";

    /** Levels other than the root's INFO, and why. */
    static final Map<String, Level> LEVELS = Map.of(
            // Bolt logs whole request bodies at DEBUG (response_url included): never below INFO.
            "com.slack.api", Level.INFO,
            "org.quartz", Level.WARN,
            "com.zaxxer.hikari", Level.WARN,
            // The embedded server's library; the server's own output (initdb, FATAL lines) is not
            // logged through it but written to <data dir>/postgres.log, and a failed start quotes
            // that file in its error, so WARN here hides no cause.
            "io.zonky", Level.WARN,
            "dev.changebot.persistence.embedded", Level.INFO);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (aFileIsGiven()) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        var encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        // Not the platform's: under a C/POSIX locale (a container, env -i) Java 17 would write '?'
        // for every non-ASCII character, the sandbox's start-up line's "…" included.
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        var console = new ConsoleAppender<ILoggingEvent>();
        console.setContext(context);
        console.setName("STDOUT");
        console.setEncoder(encoder);
        console.start();
        var root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The files Logback's own default configurator would read, in its order. */
    private static boolean aFileIsGiven() {
        if (System.getProperty("logback.configurationFile") != null) {
            return true;
        }
        var loader = LoggingDefaults.class.getClassLoader();
        return loader.getResource("logback-test.xml") != null || loader.getResource("logback.xml") != null;
    }
}
