package dev.changebot.domain.policy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Approvers by kind of change, where a policy has a table of them (API, database, dependency,
 * infrastructure changes...). Each listed role becomes one step, in the order listed; an empty
 * list means the change type is approved automatically.
 */
public record ApprovalMatrix(Map<String, Map<String, List<String>>> byCategory) {

    public static final ApprovalMatrix NONE = new ApprovalMatrix(Map.of());

    public ApprovalMatrix {
        byCategory = Map.copyOf(byCategory);
    }

    public Optional<List<String>> rolesFor(String category, String type) {
        return Optional.ofNullable(byCategory.get(category)).map(types -> types.get(type));
    }
}
