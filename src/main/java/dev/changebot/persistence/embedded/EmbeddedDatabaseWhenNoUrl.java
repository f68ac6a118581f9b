package dev.changebot.persistence.embedded;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanInitializedEventListener;
import io.micronaut.context.event.BeanInitializingEvent;
import io.micronaut.core.util.StringUtils;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * Points the default data source at an embedded PostgreSQL when no URL is configured, as the
 * runtime role. It runs before the data source configuration initialises, which would otherwise
 * fail on the missing URL, and it stops the server when the application context closes (SIGTERM
 * included: Micronaut closes the context in its shutdown hook).
 */
@Singleton
class EmbeddedDatabaseWhenNoUrl implements BeanInitializedEventListener<DatasourceConfiguration> {

    private final DataDirectory directory;
    private EmbeddedDatabase database;

    EmbeddedDatabaseWhenNoUrl(@Value("${changebot.data-dir:}") String dataDir) {
        this.directory = DataDirectory.resolve(dataDir, System.getenv());
    }

    @Override
    public DatasourceConfiguration onInitialized(BeanInitializingEvent<DatasourceConfiguration> event) {
        var config = event.getBean();
        if (!"default".equals(config.getName())) {
            return config;
        }
        if (StringUtils.hasText(config.getConfiguredUrl())) {
            EarlyStart.discard();
            return config;
        }
        var embedded = database();
        config.setUrl(embedded.jdbcUrl());
        config.setUsername(embedded.runtimeUser());
        config.setPassword(embedded.runtimePassword());
        return config;
    }

    /**
     * The server, started on first need (by the data source or by the migrations, whichever comes
     * first), unless {@code main} began it already ({@link EarlyStart}).
     */
    synchronized EmbeddedDatabase database() {
        if (database == null) {
            database = EarlyStart.claim(directory).orElseGet(() -> EmbeddedDatabase.start(directory));
        }
        return database;
    }

    @PreDestroy
    synchronized void stop() {
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
