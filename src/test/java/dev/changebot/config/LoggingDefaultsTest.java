package dev.changebot.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class LoggingDefaultsTest {

    @Test
    void logbackFindsItAsAConfigurator() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
                .contains(LoggingDefaults.class);
    }

    @Test
    void theRootLogsInfoToTheConsoleInTheBotsPattern() {
        var context = configured();

        var root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        var console = (ConsoleAppender<ILoggingEvent>) root.getAppender("STDOUT");
        assertThat(console.isStarted()).isTrue();
        assertThat(((PatternLayoutEncoder) console.getEncoder()).getPattern())
                .isEqualTo("%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n");
    }

    @Test
    void boltNeverLogsRequestBodiesAndTheChattyLibrariesOnlyWarn() {
        var context = configured();

        assertThat(context.getLogger("com.slack.api.bolt.App").getEffectiveLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("org.quartz.core.QuartzScheduler").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("com.zaxxer.hikari.pool.HikariPool").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("io.zonky.test.db.postgres").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("dev.changebot.persistence.embedded.EmbeddedDatabase").getEffectiveLevel())
                .isEqualTo(Level.INFO);
    }

    @Test
    void aConfigurationFileNamedByTheOperatorIsLeftToLogback() {
        var context = new LoggerContext();
        var defaults = new LoggingDefaults();
        defaults.setContext(context);
        System.setProperty("logback.configurationFile", "/nonexistent/logback.xml");
        try {
            assertThat(defaults.configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        } finally {
            System.clearProperty("logback.configurationFile");
        }
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDOUT")).isNull();
    }

    private static LoggerContext configured() {
        var context = new LoggerContext();
        var defaults = new LoggingDefaults();
        defaults.setContext(context);
        assertThat(defaults.configure(context)).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        return context;
    }
}
