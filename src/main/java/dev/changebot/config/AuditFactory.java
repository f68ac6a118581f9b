package dev.changebot.config;

import dev.changebot.application.audit.CheckpointSettings;
import dev.changebot.application.audit.OpenSigningKey;
import dev.changebot.application.port.SigningKeyStore;
import dev.changebot.domain.audit.SigningKey;
import dev.changebot.keyfile.SigningKeyFile;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/**
 * The audit log's checkpoints: their settings, and the signing key, opened at start-up so that a
 * missing or unreadable key stops the start with one message (OpenSigningKey) instead of failing an
 * hour later in a job.
 */
@Factory
class AuditFactory {

    @Singleton
    CheckpointSettings checkpointSettings(
            @Value("${changebot.audit.checkpoint-interval:1h}") Duration interval,
            @Value("${changebot.audit.channel:}") String channel,
            @Value("${changebot.audit.key-name:" + CheckpointSettings.DEFAULT_KEY_NAME + "}") String keyName) {
        return new CheckpointSettings(interval, Optional.ofNullable(channel), keyName);
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
