package dev.changebot.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One test's own database, with a small helper to look at what the app stored. */
public record TestDatabase(String url, String user, String password) {

    public Map<String, Object> properties() {
        return Map.of(
                "datasources.default.url", url,
                "datasources.default.username", user,
                "datasources.default.password", password);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Rows of a query, each a column-name → value map, for assertions. */
    public List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (var connection = connect(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var result = statement.executeQuery()) {
                var rows = new ArrayList<Map<String, Object>>();
                var meta = result.getMetaData();
                while (result.next()) {
                    var row = new LinkedHashMap<String, Object>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c), result.getObject(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * The rows of a query once it has any, for work the app does on its own threads right away
     * (a Quartz trigger already due). Not a way to let time pass: time is the test's clock.
     */
    public List<Map<String, Object>> awaitRows(java.time.Duration timeout, String sql, Object... parameters) {
        var deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            var rows = rows(sql, parameters);
            if (!rows.isEmpty()) {
                return rows;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no rows within " + timeout + ": " + sql);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
        }
    }

    /**
     * The durability settings of the server under this database, for benchmarks to print: the
     * test support's embedded server runs with fsync and synchronous commit off, unlike the app's.
     */
    public String durabilitySettings() {
        var row = rows("SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS sc,"
                + " current_setting('full_page_writes') AS fpw").get(0);
        var durable = "on".equals(row.get("fsync")) && "on".equals(row.get("sc"));
        return "fsync=" + row.get("fsync") + " synchronous_commit=" + row.get("sc") + " full_page_writes="
                + row.get("fpw") + (durable ? " (durable, as the app's embedded server runs)"
                : " (NOT durable: the test server's fast settings; the app's embedded server runs with them on)");
    }

    public long count(String table) {
        return ((Number) rows("SELECT count(*) AS n FROM " + table).get(0).get("n")).longValue();
    }
}
