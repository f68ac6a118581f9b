package dev.changebot.cli;

import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code token list}: every token of the workspace, with its scope, maker, last use and whether it is revoked. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the API tokens (never their text).")
final class TokenListCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'")
            .withZone(ZoneOffset.UTC);

    @CommandLine.Mixin
    TokenOptions options = new TokenOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        var out = spec.commandLine().getOut();
        if (options.database.url() == null) {
            err.println(DatabaseOptions.NO_DATABASE);
            return ChangebotCommand.UNUSABLE_INPUT;
        }
        try (var connection = options.database.connect()) {
            var workspace = options.workspace(connection, err);
            if (workspace == null) {
                return ChangebotCommand.UNUSABLE_INPUT;
            }
            var rows = TokenTables.list(connection, workspace);
            if (rows.isEmpty()) {
                out.println("No API tokens in " + workspace + ".");
            }
            for (var row : rows) {
                out.println(row.name() + "\t" + row.scope().describe() + "\tcreated by " + row.createdBy() + " "
                        + WHEN.format(row.createdAt()) + "\tlast used "
                        + row.lastUsedAt().map(WHEN::format).orElse("never")
                        + row.revokedAt().map(at -> "\trevoked " + WHEN.format(at)).orElse(""));
            }
            return ChangebotCommand.OK;
        } catch (SQLException e) {
            err.println("Could not read the tokens: " + e.getMessage());
            return ChangebotCommand.UNUSABLE_INPUT;
        }
    }
}
