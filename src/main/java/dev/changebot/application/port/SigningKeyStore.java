package dev.changebot.application.port;

import dev.changebot.domain.audit.SigningKey;

/**
 * Where the key that signs checkpoints is kept, outside the database: a file only the bot's user
 * can read. The store never makes a key on its own; {@link dev.changebot.application.audit.OpenSigningKey}
 * decides when a new one is allowed.
 */
public interface SigningKeyStore {

    /** Where the key is, in words an operator can act on (a file path). */
    String location();

    boolean exists();

    /**
     * @throws IllegalArgumentException saying why the key cannot be used (unreadable, not a key),
     *                                  never quoting key material
     */
    SigningKey load(String name);

    /** Makes a new key and keeps it, never over one that exists: when one appears meanwhile, that one is returned. */
    SigningKey create(String name);
}
