package dev.changebot.config;

import dev.changebot.domain.rules.ChangeRules;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The rules of the domain, as a bean for the use cases that run commands and answer questions. */
@Factory
class ChangeRulesFactory {

    @Singleton
    ChangeRules changeRules() {
        return new ChangeRules();
    }
}
