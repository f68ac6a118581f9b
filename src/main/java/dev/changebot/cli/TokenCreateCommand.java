package dev.changebot.cli;

import dev.changebot.application.token.ManageTokens;
import dev.changebot.domain.token.ApiToken;
import dev.changebot.domain.token.TokenRequest;
import dev.changebot.domain.token.TokenScope;
import dev.changebot.domain.token.TokenText;
import dev.changebot.policyfile.PolicyFiles;
import dev.changebot.policyfile.PolicyLoad;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code token create NAME [services…] [environments…]}: as `/change token create` does, read against
 * the environments of the policy in CHANGEBOT_POLICY; the token's text is printed once, on stdout alone.
 */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create an API token: words after the name that are environments of the policy (CHANGEBOT_POLICY)"
                + " scope it to them; the others name services; read-only makes a token that only reads (metrics,"
                + " reports, changes). Prints the token once, on standard output.")
final class TokenCreateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "the token's name, e.g. deploy-api")
    String name;

    @Parameters(index = "1..*", paramLabel = "SCOPE", arity = "0..*", description = "services, environments, read-only")
    List<String> scope = new ArrayList<>();

    @CommandLine.Mixin
    TokenOptions options = new TokenOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    Map<String, String> environment = System.getenv();
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        if (options.database.url() == null) {
            err.println(DatabaseOptions.NO_DATABASE);
            return ChangebotCommand.UNUSABLE_INPUT;
        }
        var load = PolicyFiles.load(environment.get("CHANGEBOT_POLICY"));
        if (!(load instanceof PolicyLoad.Loaded loaded)) {
            err.println("The policy (CHANGEBOT_POLICY) cannot be read: run `policy check` on it first.");
            return ChangebotCommand.UNUSABLE_INPUT;
        }
        var words = new ArrayList<String>();
        words.add(name);
        words.addAll(scope);
        var reading = TokenRequest.read(words, loaded.policy().environments());
        if (reading instanceof TokenRequest.Refused refused) {
            err.println(refused.reason().replace("`", ""));
            return ChangebotCommand.UNUSABLE_INPUT;
        }
        var request = ((TokenRequest.Read) reading).request();
        var text = TokenText.generate();
        var now = clock.instant();
        try (var connection = options.database.connect()) {
            connection.setAutoCommit(false);
            var workspace = options.workspace(connection, err);
            if (workspace == null) {
                return ChangebotCommand.UNUSABLE_INPUT;
            }
            if (!TokenTables.add(connection, workspace, request.name(), TokenText.hash(text), request.scope(),
                    options.actor(), now)) {
                connection.rollback();
                err.println("A live token is already named " + request.name() + ": revoke it first, or choose another name.");
                return ChangebotCommand.UNUSABLE_INPUT;
            }
            var token = new ApiToken(0, workspace, request.name(), request.scope(), options.actor(), now,
                    Optional.empty(), Optional.empty());
            AuditTables.note(connection, workspace, "ApiTokenCreated", options.actor(), now, ManageTokens.details(token));
            connection.commit();
        } catch (SQLException e) {
            err.println("Could not create the token in the database: " + e.getMessage());
            return ChangebotCommand.UNUSABLE_INPUT;
        }
        err.println("Created the API token " + request.name() + " (" + describe(request.scope())
                + "). It is shown only this once; Changebot keeps only its hash.");
        spec.commandLine().getOut().println(text);
        return ChangebotCommand.OK;
    }

    private static String describe(TokenScope scope) {
        return scope.describe();
    }
}
