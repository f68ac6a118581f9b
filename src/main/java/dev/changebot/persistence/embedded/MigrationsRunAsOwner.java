package dev.changebot.persistence.embedded;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.util.StringUtils;
import io.micronaut.flyway.FlywayConfigurationCustomizer;
import io.micronaut.flyway.FlywayConfigurationProperties;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Migrations run as the schema's owner whenever there is one apart from the application's role:
 * the embedded server's owner role, or an external database's owner given as
 * {@code FLYWAY_DATASOURCES_DEFAULT_URL} / {@code _USER} / {@code _PASSWORD}. Micronaut Flyway 7.9
 * migrates once with that connection (if configured) and once more with the application's data
 * source; without this, that run would go as the runtime role, which may not create anything.
 * With only {@code DATASOURCES_DEFAULT_*} set, one role does both, as before.
 */
@Singleton
@Named("default")
class MigrationsRunAsOwner implements FlywayConfigurationCustomizer {

    private final BeanProvider<FlywayConfigurationProperties> configurations;
    private final BeanProvider<EmbeddedDatabaseWhenNoUrl> embedded;
    private final boolean external;

    MigrationsRunAsOwner(@Named("default") BeanProvider<FlywayConfigurationProperties> configurations,
                         BeanProvider<EmbeddedDatabaseWhenNoUrl> embedded,
                         @Value("${datasources.default.url:}") String url) {
        this.configurations = configurations;
        this.embedded = embedded;
        this.external = StringUtils.hasText(url);
    }

    @Override
    public void customizeFluentConfiguration(FluentConfiguration fluentConfiguration) {
        if (!external) {
            var database = embedded.get().database();
            fluentConfiguration.dataSource(database.jdbcUrl(), database.ownerUser(), database.ownerPassword());
            return;
        }
        var config = configurations.get();
        if (StringUtils.hasText(config.getUrl())) {
            fluentConfiguration.dataSource(config.getUrl(), config.getUser(), config.getPassword());
        }
    }

    @Override
    public String getName() {
        return "default";
    }
}
