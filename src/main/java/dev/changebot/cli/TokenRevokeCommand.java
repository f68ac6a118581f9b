package dev.changebot.cli;

import dev.changebot.application.token.ManageTokens;
import dev.changebot.domain.token.ApiToken;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code token revoke NAME}: requests with that token are refused from then on; the revocation is recorded. */
@Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke the live API token of that name.")
final class TokenRevokeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @CommandLine.Mixin
    TokenOptions options = new TokenOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        if (options.database.url() == null) {
            err.println(DatabaseOptions.NO_DATABASE);
            return ChangebotCommand.UNUSABLE_INPUT;
        }
        var now = clock.instant();
        try (var connection = options.database.connect()) {
            connection.setAutoCommit(false);
            var workspace = options.workspace(connection, err);
            if (workspace == null) {
                return ChangebotCommand.UNUSABLE_INPUT;
            }
            var scope = TokenTables.revoke(connection, workspace, name, options.actor(), now);
            if (scope.isEmpty()) {
                connection.rollback();
                err.println("No live token is named " + name + " in " + workspace + ": `token list` shows them.");
                return ChangebotCommand.UNUSABLE_INPUT;
            }
            var token = new ApiToken(0, workspace, name, scope.get(), options.actor(), now, Optional.empty(),
                    Optional.of(now));
            AuditTables.note(connection, workspace, "ApiTokenRevoked", options.actor(), now, ManageTokens.details(token));
            connection.commit();
            spec.commandLine().getOut().println("Revoked the API token " + name + ".");
            return ChangebotCommand.OK;
        } catch (SQLException e) {
            err.println("Could not revoke the token: " + e.getMessage());
            return ChangebotCommand.UNUSABLE_INPUT;
        }
    }
}
