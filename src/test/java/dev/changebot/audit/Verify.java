package dev.changebot.audit;

import dev.changebot.cli.ChangebotCommand;
import dev.changebot.support.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** `audit verify` run as a user types it, on the test's database or a pack. */
record Verify(int exit, String out, String err) {

    static Verify run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int exit = ChangebotCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Verify(exit, out.toString(), err.toString());
    }

    static Verify database(TestDatabase db, String... more) {
        var args = new ArrayList<>(List.of("audit", "verify", "--db", db.url(), "--db-user", db.user(),
                "--db-password", db.password()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n" + out + err;
    }
}
