package dev.changebot.domain.policy;

import java.util.Optional;
import java.util.Set;

/**
 * The policy's {@code api:} section: who may create and revoke API tokens in Slack ({@code
 * tokenAdmins}; nobody by default: a token lets a pipeline act on changes, so the grant is made on
 * purpose; the command line can always create one), and the channel where changes a pipeline's gate
 * check creates for a pre-approved class are announced.
 */
public record ApiSettings(Set<String> tokenAdmins, Optional<String> channel) {

    public ApiSettings {
        tokenAdmins = Set.copyOf(tokenAdmins);
    }

    public static ApiSettings none() {
        return new ApiSettings(Set.of(), Optional.empty());
    }

    public boolean mayManageTokens(Set<String> heldRoles) {
        return heldRoles.stream().anyMatch(tokenAdmins::contains);
    }
}
