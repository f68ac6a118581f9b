package dev.changebot.cli;

import dev.changebot.application.audit.CheckpointSettings;
import dev.changebot.keyfile.SigningKeyFile;
import picocli.CommandLine.Option;

/** Which signing key a command uses: the bot's own by default, found as the bot finds it. */
final class KeyOptions {

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "the signing key (PEM); default: CHANGEBOT_AUDIT_KEY_FILE, else audit-signing-key.pem in"
                    + " CHANGEBOT_DATA_DIR or ~/.changebot")
    String keyFile;

    @Option(names = "--key-name", paramLabel = "NAME",
            description = "the key's name in signatures; default: CHANGEBOT_AUDIT_KEY_NAME, else changebot-audit")
    String keyName;

    SigningKeyFile file() {
        var environment = System.getenv();
        return keyFile != null ? new SigningKeyFile(java.nio.file.Path.of(keyFile)) : SigningKeyFile.fromEnvironment(environment);
    }

    String name() {
        if (keyName != null) {
            return keyName;
        }
        var configured = System.getenv("CHANGEBOT_AUDIT_KEY_NAME");
        return configured == null || configured.isBlank() ? CheckpointSettings.DEFAULT_KEY_NAME : configured.strip();
    }
}
