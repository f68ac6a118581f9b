package dev.changebot.audit;

import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Copies of one test database (CREATE DATABASE … TEMPLATE), each for one attack; all dropped at the end. */
final class Clones {

    private static final AtomicInteger COUNT = new AtomicInteger();
    private final TestDatabase template;
    private final TestDatabase admin = TestPostgres.freshDatabase();
    private final String templateName;
    private final List<String> made = new ArrayList<>();

    Clones(TestDatabase template) {
        this.template = template;
        this.templateName = nameOf(template);
    }

    synchronized TestDatabase copy() {
        var name = "changebot_test_" + ProcessHandle.current().pid() + "_clone_" + COUNT.incrementAndGet();
        try (var connection = admin.connect(); var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " TEMPLATE " + templateName);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not copy " + templateName, e);
        }
        made.add(name);
        return new TestDatabase(template.url().replace("/" + templateName, "/" + name), template.user(), template.password());
    }

    synchronized void dropAll() {
        try (var connection = admin.connect(); var statement = connection.createStatement()) {
            for (var name : made) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("Could not drop the copies: " + e.getMessage());
        }
    }

    static String nameOf(TestDatabase db) {
        return db.url().replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1");
    }
}
