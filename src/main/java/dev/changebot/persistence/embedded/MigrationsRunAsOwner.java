package dev.changebot.persistence.embedded;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.util.StringUtils;
import io.micronaut.flyway.FlywayConfigurationCustomizer;
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

    private final BeanProvider<EmbeddedDatabaseWhenNoUrl> embedded;
    private final boolean external;
    private final String ownerUrl;
    private final String ownerUser;
    private final String ownerPassword;

    /**
     * The owner's connection is read from the configuration, not from Flyway's configuration bean:
     * this runs while that bean is being created.
     */
    MigrationsRunAsOwner(BeanProvider<EmbeddedDatabaseWhenNoUrl> embedded,
                         @Value("${datasources.default.url:}") String url,
                         @Value("${flyway.datasources.default.url:}") String ownerUrl,
                         @Value("${flyway.datasources.default.user:}") String ownerUser,
                         @Value("${flyway.datasources.default.password:}") String ownerPassword) {
        this.embedded = embedded;
        this.external = StringUtils.hasText(url);
        this.ownerUrl = ownerUrl;
        this.ownerUser = ownerUser;
        this.ownerPassword = ownerPassword;
    }

    @Override
    public void customizeFluentConfiguration(FluentConfiguration fluentConfiguration) {
        if (!external) {
            var database = embedded.get().database();
            fluentConfiguration.dataSource(database.jdbcUrl(), database.ownerUser(), database.ownerPassword());
            return;
        }
        if (StringUtils.hasText(ownerUrl)) {
            fluentConfiguration.dataSource(ownerUrl, ownerUser, ownerPassword);
        }
    }

    @Override
    public String getName() {
        return "default";
    }
}
