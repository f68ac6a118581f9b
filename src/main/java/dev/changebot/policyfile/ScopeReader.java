package dev.changebot.policyfile;

import dev.changebot.domain.policy.RuleScope;
import java.util.LinkedHashSet;

/** Reads a freeze's or a window's {@code applies_to_services} and {@code applies_to_environments}. */
final class ScopeReader {

    static final String SERVICES = "applies_to_services";
    static final String ENVIRONMENTS = "applies_to_environments";

    private final References references;

    ScopeReader(References references) {
        this.references = references;
    }

    RuleScope read(YamlMap definition) {
        var services = new LinkedHashSet<String>();
        for (var service : definition.strings(SERVICES)) {
            references.service(service);
            services.add(service.text());
        }
        var environments = new LinkedHashSet<String>();
        for (var environment : definition.strings(ENVIRONMENTS)) {
            references.environment(environment);
            environments.add(environment.text());
        }
        return new RuleScope(services, environments);
    }
}
