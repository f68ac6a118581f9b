package dev.changebot.config;

import dev.changebot.application.port.AuditPublicKeys;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Until a signing key is wired in (the checkpoints work provides one), an evidence pack has no
 * public key to carry: its README says so, and public-key.txt stays empty.
 */
@Factory
class AuditKeysFactory {

    @Singleton
    @Requires(missingBeans = AuditPublicKeys.class)
    AuditPublicKeys noSigningKeyYet() {
        return List::of;
    }
}
