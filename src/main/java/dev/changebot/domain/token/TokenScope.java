package dev.changebot.domain.token;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a token may be used for: the services and environments named when it was created. An empty
 * list means any (a token for every service of one environment, or for one service everywhere). A
 * read-only token reads (metrics, reports, changes, checks) and never writes: it opens no gate check
 * and reports no deployment, so a dashboard's token cannot let a deploy through.
 */
public record TokenScope(List<String> services, List<String> environments, boolean readOnly) {

    /** The word after a token's name that makes it read-only: `/change token create grafana read-only`. */
    public static final String READ_ONLY = "read-only";

    /** How a service is named in a token and a check: lower-case, digits, dot, dash, underscore. */
    public static final Pattern SERVICE = Pattern.compile("[a-z0-9._-]{1,64}");

    public static final TokenScope ANY = new TokenScope(List.of(), List.of());

    public TokenScope {
        services = List.copyOf(services);
        environments = List.copyOf(environments);
    }

    /** A token that may read and write within its services and environments. */
    public TokenScope(List<String> services, List<String> environments) {
        this(services, environments, false);
    }

    public boolean allowsEnvironment(String environment) {
        return environments.isEmpty() || environments.contains(environment);
    }

    /** A token scoped to services must name one of them: it may not gate whatever change it likes. */
    public boolean allowsService(String service) {
        return services.isEmpty() || service != null && services.contains(service);
    }

    /** "services: api, web; environments: any" (and "; read only") — as token lists show it. */
    public String describe() {
        return "services: " + (services.isEmpty() ? "any" : String.join(", ", services)) + "; environments: "
                + (environments.isEmpty() ? "any" : String.join(", ", environments)) + (readOnly ? "; read only" : "");
    }
}
