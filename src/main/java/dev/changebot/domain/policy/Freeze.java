package dev.changebot.domain.policy;

import java.util.Set;

/**
 * A period when changes may not start. {@code appliesTo} names the classes it blocks; empty
 * means every class except emergencies, which no freeze blocks. {@code scope} narrows it to
 * some services and environments (a production freeze does not stop a staging deployment).
 */
public record Freeze(String name, String label, FreezeSource source, Set<String> appliesTo, Override override,
                     RuleScope scope) {

    public Freeze {
        appliesTo = Set.copyOf(appliesTo);
    }

    /** A freeze for every service and environment. */
    public Freeze(String name, String label, FreezeSource source, Set<String> appliesTo, Override override) {
        this(name, label, source, appliesTo, override, RuleScope.EVERYWHERE);
    }

    public boolean blocks(ChangeClass changeClass) {
        return !changeClass.emergency() && (appliesTo.isEmpty() || appliesTo.contains(changeClass.name()));
    }

    public boolean blocks(ChangeClass changeClass, DeploymentTarget target) {
        return blocks(changeClass) && scope.covers(target);
    }
}
