package dev.changebot.config;

import dev.changebot.application.audit.CheckpointSettings;
import dev.changebot.application.audit.OpenSigningKey;
import dev.changebot.application.port.AuditPublicKeys;
import dev.changebot.application.port.SigningKeyStore;
import dev.changebot.domain.audit.SigningKey;
import dev.changebot.domain.policy.Policy;
import dev.changebot.keyfile.SigningKeyFile;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The audit log's checkpoints: their settings, and the signing key, opened at start-up so that a
 * missing or unreadable key stops the start with one message (OpenSigningKey) instead of failing an
 * hour later in a job.
 */
@Factory
class AuditFactory {

    /**
     * The audit channel: {@code CHANGEBOT_AUDIT_CHANNEL} when the operator sets it (one deployment's
     * choice), otherwise the policy file's {@code audit.channel}.
     */
    @Singleton
    CheckpointSettings checkpointSettings(
            @Value("${changebot.audit.checkpoint-interval:1h}") Duration interval,
            @Value("${changebot.audit.channel:}") String channel,
            @Value("${changebot.audit.key-name:" + CheckpointSettings.DEFAULT_KEY_NAME + "}") String keyName,
            Policy policy) {
        var configured = Optional.ofNullable(channel).map(String::strip).filter(c -> !c.isEmpty());
        return new CheckpointSettings(interval, configured.or(() -> policy.audit().channel()), keyName);
    }

    /** What an evidence pack carries in public-key.txt: the key that signs its checkpoints. */
    @Singleton
    AuditPublicKeys auditPublicKeys(SigningKey key) {
        var verifierKey = key.verifierKey().toString();
        return () -> List.of(verifierKey);
    }

    /** The key file's default place is the embedded database's data directory, resolved the same way. */
    @Singleton
    SigningKeyStore signingKeyStore(@Value("${changebot.audit.key-file:}") String keyFile,
                                    @Value("${changebot.data-dir:}") String dataDir) {
        return SigningKeyFile.locate(keyFile, dataDir, System.getenv());
    }

    @Context
    @Singleton
    SigningKey signingKey(OpenSigningKey open, CheckpointSettings settings) {
        return open.open(settings.keyName());
    }
}
