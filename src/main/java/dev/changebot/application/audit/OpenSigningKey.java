package dev.changebot.application.audit;

import dev.changebot.application.port.CheckpointLedger;
import dev.changebot.application.port.SigningKeyStore;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.audit.SigningKey;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signing key at start-up. A key is made only while no checkpoint was ever signed: once one was,
 * a new key would silently break the chain of trust (an auditor's copies in Slack would no longer
 * match the key the bot shows), so a missing key stops the start until it is restored or replaced
 * on purpose ({@code audit rotate-key}, which the chain records).
 */
@Singleton
public class OpenSigningKey {

    private static final Logger LOG = LoggerFactory.getLogger(OpenSigningKey.class);
    private static final String WAY_OUT = "restore the file from your backup (mode 0600, owned by the user running"
            + " Changebot), or point CHANGEBOT_AUDIT_KEY_FILE at it. If the key is lost for good, make a new one on"
            + " purpose with `java -jar changebot.jar audit rotate-key` (the rotation is recorded in the audit log)"
            + " and start again.";

    private final SigningKeyStore store;
    private final CheckpointLedger ledger;
    private final Transactions transactions;

    public OpenSigningKey(SigningKeyStore store, CheckpointLedger ledger, Transactions transactions) {
        this.store = store;
        this.ledger = ledger;
        this.transactions = transactions;
    }

    /**
     * @throws SigningKeyRefusedException when the key cannot be read, or is missing after checkpoints were signed
     */
    public SigningKey open(String name) {
        if (store.exists()) {
            try {
                return store.load(name);
            } catch (IllegalArgumentException e) {
                throw new SigningKeyRefusedException("Changebot will not start: the audit signing key "
                        + store.location() + " cannot be used: " + e.getMessage() + ". Fix: " + WAY_OUT);
            }
        }
        var signer = transactions.inTransaction(ledger::newestSigner);
        if (signer.isPresent()) {
            var use = signer.get();
            throw new SigningKeyRefusedException("Changebot will not start: the audit signing key " + store.location()
                    + " is missing, and " + use.checkpoints() + " checkpoint" + (use.checkpoints() == 1 ? " was" : "s were")
                    + " signed with key " + use.keyName() + " (id " + use.keyId() + "), the newest at " + use.newestAt()
                    + ". A new key made silently would break the chain of trust. Fix: " + WAY_OUT);
        }
        SigningKey key;
        try {
            key = store.create(name);
        } catch (RuntimeException e) {
            throw new SigningKeyRefusedException("Changebot will not start: the audit signing key " + store.location()
                    + " could not be created: " + e.getMessage() + ". Fix: make its directory writable by the user running"
                    + " Changebot, or set CHANGEBOT_AUDIT_KEY_FILE to a file there.");
        }
        LOG.info("Created the audit signing key {} (verifier key {}). Back it up: checkpoints are signed with it, and"
                + " once one is, Changebot will not start without it.", store.location(), key.verifierKey());
        return key;
    }
}
