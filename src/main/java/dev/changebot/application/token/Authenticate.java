package dev.changebot.application.token;

import dev.changebot.application.port.ApiTokens;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.token.ApiToken;
import dev.changebot.domain.token.TokenText;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/**
 * The token behind a bearer text, if it is a live one. Its last use is written once a call with it
 * has succeeded — a call refused (out of scope, malformed) records nothing — and at most once a
 * minute ({@link ApiToken#LAST_USE_RESOLUTION}), so a pipeline polling a check does not write each time.
 */
@Singleton
public class Authenticate {

    private final ApiTokens tokens;
    private final Transactions transactions;
    private final Clock clock;

    public Authenticate(ApiTokens tokens, Transactions transactions, Clock clock) {
        this.tokens = tokens;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Optional<ApiToken> bearer(String text) {
        if (!TokenText.looksLikeOne(text)) {
            return Optional.empty();
        }
        return transactions.inTransaction(() -> tokens.findByHash(TokenText.hash(text)).filter(t -> !t.revoked()));
    }

    /** Notes that a call with the token succeeded, unless that was noted less than a minute ago. */
    public void used(ApiToken token) {
        var now = clock.instant();
        if (token.lastUseIsStale(now)) {
            transactions.inTransaction(() -> {
                tokens.touch(token.id(), now);
                return null;
            });
        }
    }
}
