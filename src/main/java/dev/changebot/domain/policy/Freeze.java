package dev.changebot.domain.policy;

import java.util.Set;

/**
 * A period when changes may not start. {@code appliesTo} names the classes it blocks; empty
 * means every class except emergencies, which no freeze blocks.
 */
public record Freeze(String name, String label, FreezeSource source, Set<String> appliesTo, Override override) {

    public Freeze {
        appliesTo = Set.copyOf(appliesTo);
    }

    public boolean blocks(ChangeClass changeClass) {
        return !changeClass.emergency() && (appliesTo.isEmpty() || appliesTo.contains(changeClass.name()));
    }
}
