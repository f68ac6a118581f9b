package dev.changebot.persistence.calendar;

import dev.changebot.application.port.FeedSequences;
import dev.changebot.persistence.gate.Rows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * SEQUENCE numbers in PostgreSQL (calendar_sequence): one statement for all the changes of a feed, raising
 * a row's sequence only where its fingerprint differs, so two instances serving the feed at once raise it
 * once (the row lock of ON CONFLICT orders them; the second sees the first's fingerprint).
 */
@Singleton
class PostgresFeedSequences implements FeedSequences {

    private final JdbcOperations jdbc;

    PostgresFeedSequences(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, Integer> settle(String workspaceId, Map<Long, String> fingerprints, Instant at) {
        var numbers = new Long[fingerprints.size()];
        var prints = new String[fingerprints.size()];
        int i = 0;
        for (var entry : fingerprints.entrySet()) {
            numbers[i] = entry.getKey();
            prints[i] = entry.getValue();
            i++;
        }
        Rows.update(jdbc, "record the feed's fingerprints", "INSERT INTO calendar_sequence"
                + " (workspace_id, change_number, fingerprint, sequence, updated_at)"
                + " SELECT ?, n, f, 0, ? FROM unnest(?::bigint[], ?::text[]) AS t(n, f)"
                + " ON CONFLICT (workspace_id, change_number) DO UPDATE SET fingerprint = EXCLUDED.fingerprint,"
                + " sequence = calendar_sequence.sequence + 1, updated_at = EXCLUDED.updated_at"
                + " WHERE calendar_sequence.fingerprint <> EXCLUDED.fingerprint", workspaceId, Rows.at(at), numbers, prints);
        var sequences = new HashMap<Long, Integer>();
        Rows.query(jdbc, "read the feed's sequences", row -> sequences.put(row.getLong(1), row.getInt(2)),
                "SELECT change_number, sequence FROM calendar_sequence WHERE workspace_id = ?"
                        + " AND change_number = ANY(?::bigint[])", workspaceId, numbers);
        return sequences;
    }

    @Override
    public Set<Long> shownSince(String workspaceId, Instant since) {
        return new HashSet<>(Rows.query(jdbc, "list the changes the feed showed", row -> row.getLong(1),
                "SELECT change_number FROM calendar_sequence WHERE workspace_id = ? AND updated_at >= ?",
                workspaceId, Rows.at(since)));
    }
}
