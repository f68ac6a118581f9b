package dev.changebot.persistence.embedded;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanInitializedEventListener;
import io.micronaut.context.event.BeanInitializingEvent;
import io.micronaut.core.util.StringUtils;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/**
 * Points the default data source at an embedded PostgreSQL when no URL is configured.
 * It runs before the data source configuration initialises, which would otherwise fail on the
 * missing URL, and it stops the server when the application context closes.
 */
@Singleton
class EmbeddedDatabaseWhenNoUrl implements BeanInitializedEventListener<DatasourceConfiguration> {

    private final Path dataDirectory;
    private EmbeddedDatabase database;

    EmbeddedDatabaseWhenNoUrl(@Value("${changebot.data-dir}") String dataDir) {
        this.dataDirectory = Path.of(dataDir).resolve("postgres");
    }

    @Override
    public synchronized DatasourceConfiguration onInitialized(BeanInitializingEvent<DatasourceConfiguration> event) {
        var config = event.getBean();
        if (!"default".equals(config.getName()) || StringUtils.hasText(config.getConfiguredUrl())) {
            return config;
        }
        if (database == null) {
            database = EmbeddedDatabase.start(dataDirectory);
        }
        config.setUrl(database.jdbcUrl());
        config.setUsername(database.username());
        config.setPassword("");
        return config;
    }

    @PreDestroy
    synchronized void stop() {
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
