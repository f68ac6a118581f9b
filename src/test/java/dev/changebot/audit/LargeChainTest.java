package dev.changebot.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.audit.ChainEntry;
import dev.changebot.domain.audit.EntryHash;
import dev.changebot.domain.audit.JsonText;
import dev.changebot.domain.audit.SourceFact;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An intact log of 100,000 entries verifies against the live database; the time is printed, not asserted. */
@Timeout(900)
class LargeChainTest {

    static final int ENTRIES = 100_000;
    static final String CHAIN = "T0BIG";

    @Test
    @DisplayName("100,000 chained audit notes verify intact, each compared with its recorded row")
    void hundredThousandEntries() throws SQLException {
        var db = TestPostgres.freshDatabase();
        Flyway.configure().dataSource(db.url(), db.user(), db.password()).locations("classpath:db/migration").load()
                .migrate();
        long built = System.nanoTime();
        fill(db);
        long filled = System.nanoTime();

        var verify = Verify.database(db, "--chain", CHAIN);
        long verified = System.nanoTime();

        assertThat(verify.exit()).as(verify.toString()).isZero();
        assertThat(verify.out()).contains(ENTRIES + " of " + ENTRIES + " entries valid",
                "recorded facts: " + ENTRIES + " match their entries, 0 differ");
        System.out.printf("LargeChainTest: %,d entries built and bulk-inserted in %.1f s; audit verify --db took %.1f s%n",
                ENTRIES, (filled - built) / 1e9, (verified - filled) / 1e9);
    }

    /** Notes recorded in one statement, then chained as the sequencer would, in batches of 5,000. */
    private static void fill(TestDatabase db) throws SQLException {
        try (var connection = db.connect()) {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("INSERT INTO audit_note (workspace_id, kind, actor_id, occurred_at, details, recorded_at)"
                        + " SELECT '" + CHAIN + "', 'EvidenceExported', 'U0AUDITOR', timestamptz '2026-07-01 00:00Z'"
                        + " + g * interval '1 second', jsonb_build_object('n', g), timestamptz '2026-07-01 00:00Z'"
                        + " + g * interval '1 second' FROM generate_series(1, " + ENTRIES + ") g");
            }
            var previous = EntryHash.genesis();
            long seq = 0;
            try (var read = connection.prepareStatement("SELECT id, kind, actor_id, occurred_at, recorded_at,"
                    + " details::text FROM audit_note ORDER BY id");
                 var insert = connection.prepareStatement("INSERT INTO audit_entry (chain_id, seq, prev_hash, hash, body,"
                         + " kind, change_number, occurred_at, source, source_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                read.setFetchSize(5000);
                try (var rows = read.executeQuery()) {
                    while (rows.next()) {
                        var fact = new SourceFact(rows.getString(2), null, rows.getString(3),
                                rows.getTimestamp(4).toInstant(), rows.getTimestamp(5).toInstant(), SourceFact.AUDIT_NOTE,
                                rows.getLong(1), JsonText.object(rows.getString(6)));
                        var entry = ChainEntry.append(previous, fact.body(CHAIN, ++seq));
                        insert.setString(1, CHAIN);
                        insert.setLong(2, seq);
                        insert.setBytes(3, previous);
                        insert.setBytes(4, entry.hash());
                        insert.setString(5, entry.body());
                        insert.setString(6, fact.kind());
                        insert.setNull(7, Types.BIGINT);
                        insert.setTimestamp(8, Timestamp.from(fact.at()));
                        insert.setString(9, fact.source());
                        insert.setLong(10, fact.sourceId());
                        insert.addBatch();
                        if (seq % 5000 == 0) {
                            insert.executeBatch();
                        }
                        previous = entry.hash();
                    }
                }
                insert.executeBatch();
            }
            try (var head = connection.prepareStatement("INSERT INTO audit_chain (chain_id, size, head_hash, updated_at)"
                    + " VALUES (?, ?, ?, now())")) {
                head.setString(1, CHAIN);
                head.setLong(2, seq);
                head.setBytes(3, previous);
                head.executeUpdate();
            }
            connection.commit();
        }
    }
}
