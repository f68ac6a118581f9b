package dev.changebot.domain.token;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <name> [services…] [environments…]}, as typed in Slack or on the command line: every word
 * after the name that is one of the policy's environments scopes the token to it, every other word
 * names a service; {@code read-only} makes it a token that only reads. No service: any service; no
 * environment: any environment.
 */
public record TokenRequest(String name, TokenScope scope) {

    public static Reading read(List<String> words, List<String> policyEnvironments) {
        if (words.isEmpty() || words.get(0).isBlank()) {
            return new Refused("A token needs a name, e.g. `token create deploy-api api production`.");
        }
        var name = words.get(0);
        if (!ApiToken.NAME.matcher(name).matches()) {
            return new Refused("A token's name is up to 64 lower-case letters, digits, dots, dashes or underscores,"
                    + " starting with a letter or digit.");
        }
        var services = new ArrayList<String>();
        var environments = new ArrayList<String>();
        boolean readOnly = false;
        for (var word : words.subList(1, words.size())) {
            if (word.equals(TokenScope.READ_ONLY) && !policyEnvironments.contains(word)) {
                readOnly = true;
            } else if (policyEnvironments.contains(word)) {
                if (!environments.contains(word)) {
                    environments.add(word);
                }
            } else if (TokenScope.SERVICE.matcher(word).matches()) {
                if (!services.contains(word)) {
                    services.add(word);
                }
            } else {
                return new Refused("A service is named with up to 64 lower-case letters, digits, dots, dashes or"
                        + " underscores; the policy's environments are " + String.join(", ", policyEnvironments) + ".");
            }
        }
        return new Read(new TokenRequest(name, new TokenScope(services, environments, readOnly)));
    }

    public sealed interface Reading {
    }

    public record Read(TokenRequest request) implements Reading {
    }

    public record Refused(String reason) implements Reading {
    }
}
