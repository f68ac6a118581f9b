package dev.changebot.policyfile;

import dev.changebot.domain.policy.Override;
import java.util.Set;

/** {@code override: {roles: [...], all: true}} — who may start a change despite a window or freeze. */
final class OverrideReader {

    private OverrideReader() {
    }

    static Override read(YamlMap override, References references) {
        override.allowOnly(Set.of("roles", "all"));
        var roles = references.roles(override.strings("roles"));
        if (!override.has("roles")) {
            override.problems().at(override.node(), "'" + override.path() + "' needs 'roles'",
                    "the roles that may override, e.g. roles: [incident-commander, engineering-manager]");
        }
        return new Override(roles, override.bool("all").orElse(false));
    }
}
