package dev.changebot.slack.command;

import dev.changebot.application.token.ManageTokens;
import dev.changebot.domain.token.ApiToken;
import dev.changebot.slack.view.Mrkdwn;
import jakarta.inject.Singleton;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** `/change token ...`: one use case call, answered privately; a new token's text is shown there once. */
@Singleton
class TokenFlow {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final ManageTokens tokens;

    TokenFlow(ManageTokens tokens) {
        this.tokens = tokens;
    }

    String answer(String team, String user, SlashCommand.Token command) {
        var outcome = switch (command.verb()) {
            case CREATE -> tokens.create(team, user, command.words());
            case LIST -> tokens.list(team, user);
            case REVOKE -> tokens.revoke(team, user, command.words().get(0));
        };
        if (outcome instanceof ManageTokens.Created created) {
            return "Created the API token `" + created.token().name() + "` (" + created.token().scope().describe()
                    + "). Copy it now: it is shown only this once, and Changebot keeps only its hash.\n```"
                    + created.text() + "```\nPipelines send it as `Authorization: Bearer <token>`; see docs/gate.md.";
        }
        if (outcome instanceof ManageTokens.Revoked revoked) {
            return "Revoked the API token `" + revoked.token().name() + "`: requests with it are refused from now on.";
        }
        if (outcome instanceof ManageTokens.Listed listed) {
            return list(listed);
        }
        return Mrkdwn.escape(((ManageTokens.Refused) outcome).reason());
    }

    private static String list(ManageTokens.Listed listed) {
        if (listed.tokens().isEmpty()) {
            return "No API tokens yet: `/change token create NAME [services…] [environments…] [read-only]`.";
        }
        var text = new StringBuilder("*API tokens*");
        for (ApiToken token : listed.tokens()) {
            text.append("\n• `").append(token.name()).append("` — ").append(token.scope().describe())
                    .append("; created by ").append(Mrkdwn.user(token.createdBy())).append(' ')
                    .append(WHEN.format(token.createdAt())).append("; last used ")
                    .append(token.lastUsedAt().map(WHEN::format).orElse("never"))
                    .append(token.revokedAt().map(at -> "; *revoked* " + WHEN.format(at)).orElse(""));
        }
        return text.toString();
    }
}
