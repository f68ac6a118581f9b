package dev.changebot.persistence.calendar;

import dev.changebot.application.port.CalendarSubscriptions;
import dev.changebot.persistence.gate.Rows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Feed subscriptions in PostgreSQL (calendar_subscription): only the hash of a URL's token is written. */
@Singleton
class PostgresCalendarSubscriptions implements CalendarSubscriptions {

    private final JdbcOperations jdbc;

    PostgresCalendarSubscriptions(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(String workspaceId, String hash, List<String> services, String createdBy, Instant at) {
        Rows.update(jdbc, "add a calendar subscription", "INSERT INTO calendar_subscription"
                + " (workspace_id, token_hash, services, created_by, created_at) VALUES (?, ?, ?, ?, ?)",
                workspaceId, hash, services.toArray(String[]::new), createdBy, Rows.at(at));
    }

    @Override
    public int revokeAll(String workspaceId, String userId, Instant at) {
        return Rows.update(jdbc, "revoke calendar subscriptions", "UPDATE calendar_subscription SET revoked_at = ?"
                + " WHERE workspace_id = ? AND created_by = ? AND revoked_at IS NULL", Rows.at(at), workspaceId, userId);
    }

    @Override
    public Optional<Subscription> findLive(String hash) {
        return Rows.one(jdbc, "find a calendar subscription", row -> {
            var array = row.getArray("services");
            return new Subscription(row.getString("workspace_id"),
                    array == null ? List.of() : Arrays.asList((String[]) array.getArray()));
        }, "SELECT workspace_id, services FROM calendar_subscription WHERE token_hash = ? AND revoked_at IS NULL", hash);
    }
}
