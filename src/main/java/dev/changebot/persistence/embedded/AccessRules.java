package dev.changebot.persistence.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Who may reach the embedded server, and how it keeps what it acknowledged. Applied at every start,
 * so a data directory created by an older version is brought up to these rules too.
 */
final class AccessRules {

    /**
     * Run mode: a commit is acknowledged once it is on disk. The library's defaults are for tests
     * (it passes {@code -F}, fsync off, and turns synchronous commit off); later {@code -c} options
     * override them, and {@code SHOW fsync} confirms it.
     */
    static final Map<String, String> DURABLE = Map.of(
            "fsync", "on",
            "synchronous_commit", "on",
            "full_page_writes", "on");

    /** Loopback TCP only; no Unix socket (any local user could reach one in /tmp). */
    static final Map<String, String> LISTEN = Map.of(
            "listen_addresses", "127.0.0.1",
            "unix_socket_directories", "''",
            "password_encryption", "scram-sha-256");

    private AccessRules() {
    }

    /**
     * Passwords (SCRAM) on 127.0.0.1, nothing else. {@code adopting}: a data directory from before
     * passwords, whose superuser has none yet; it may connect without one from 127.0.0.1 until
     * {@link EmbeddedDatabase} has set it and rewritten these rules.
     */
    static void write(Path cluster, boolean adopting) {
        var rules = new StringBuilder("""
                # Written by Changebot before every start of its embedded PostgreSQL; edits are overwritten.
                # TYPE  DATABASE  USER      ADDRESS        METHOD
                """);
        if (adopting) {
            rules.append("host    all       postgres  127.0.0.1/32   trust\n");
        }
        rules.append("host    all       all       127.0.0.1/32   scram-sha-256\n");
        try {
            Files.writeString(cluster.resolve("pg_hba.conf"), rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
