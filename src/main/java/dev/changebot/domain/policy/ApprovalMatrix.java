package dev.changebot.domain.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Approvers by type of change, where a policy has a table of them (API, database, dependency,
 * infrastructure changes...), in the policy's order. A type is named "category/type"
 * ({@code database/column-removal}); each role listed for it is one step, in the order listed; an
 * empty list asks for no one. How a type's steps meet the class's is {@link Combine}.
 */
public record ApprovalMatrix(Map<String, Map<String, List<String>>> byCategory, Combine combine) {

    public static final ApprovalMatrix NONE = new ApprovalMatrix(Map.of(), Combine.ADD);

    /**
     * {@code add}: the type's approvers first (a code review, say), then the class's whole chain (the
     * change-control sign-offs, the production gate); a type's role the class already asks for signs
     * once, in the class's step. {@code replace}: the type's approvers instead of the class's chain.
     */
    public enum Combine {
        ADD, REPLACE;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ApprovalMatrix {
        var ordered = new LinkedHashMap<String, Map<String, List<String>>>();
        byCategory.forEach((category, types) -> ordered.put(category,
                Collections.unmodifiableMap(new LinkedHashMap<>(types))));
        byCategory = Collections.unmodifiableMap(ordered);
    }

    public ApprovalMatrix(Map<String, Map<String, List<String>>> byCategory) {
        this(byCategory, Combine.ADD);
    }

    public boolean isEmpty() {
        return byCategory.values().stream().allMatch(Map::isEmpty);
    }

    public Optional<List<String>> rolesFor(String category, String type) {
        return Optional.ofNullable(byCategory.get(category)).map(types -> types.get(type));
    }

    /** The roles of a "category/type"; empty when the matrix has no such row. */
    public Optional<List<String>> rolesFor(String categoryAndType) {
        var parts = categoryAndType.split("/", 2);
        return parts.length == 2 ? rolesFor(parts[0], parts[1]) : Optional.empty();
    }

    /** Every row as "category/type", in the policy's order: what a request may name. */
    public List<String> types() {
        var all = new ArrayList<String>();
        byCategory.forEach((category, types) -> types.keySet().forEach(type -> all.add(category + "/" + type)));
        return List.copyOf(all);
    }

    /**
     * The approval steps of a change of a class whose own steps are {@code classSteps}, of type
     * {@code categoryAndType} when it names a row; {@code labelOf} names a role's step.
     */
    public List<ApprovalStep> steps(List<ApprovalStep> classSteps, Optional<String> categoryAndType,
                                    java.util.function.Function<String, String> labelOf) {
        var roles = categoryAndType.flatMap(this::rolesFor);
        if (roles.isEmpty()) {
            return classSteps;
        }
        var typeSteps = new ArrayList<ApprovalStep>();
        for (var role : roles.get()) {
            boolean inClassChain = classSteps.stream().anyMatch(step -> step.roles().contains(role));
            if (combine == Combine.REPLACE || !inClassChain) {
                typeSteps.add(new ApprovalStep(labelOf.apply(role), java.util.Set.of(role), 1));
            }
        }
        if (combine == Combine.REPLACE) {
            return List.copyOf(typeSteps);
        }
        typeSteps.addAll(classSteps);
        return List.copyOf(typeSteps);
    }
}
