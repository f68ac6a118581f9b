package dev.changebot.policyfile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Names used before or after they are defined (roles, windows, classes). Uses are recorded while
 * reading and checked once every definition is known, so order in the file does not matter.
 */
final class References {

    private final Problems problems;
    private final List<YamlMap.Named> roleUses = new ArrayList<>();
    private final List<YamlMap.Named> windowUses = new ArrayList<>();
    private final List<YamlMap.Named> classUses = new ArrayList<>();
    private final List<YamlMap.Named> serviceUses = new ArrayList<>();
    private final List<YamlMap.Named> environmentUses = new ArrayList<>();

    References(Problems problems) {
        this.problems = problems;
    }

    Set<String> roles(List<YamlMap.Named> names) {
        roleUses.addAll(names);
        var set = new LinkedHashSet<String>();
        names.forEach(n -> set.add(n.text()));
        return set;
    }

    void role(YamlMap.Named name) {
        roleUses.add(name);
    }

    void window(YamlMap.Named name) {
        windowUses.add(name);
    }

    void changeClass(YamlMap.Named name) {
        classUses.add(name);
    }

    void service(YamlMap.Named name) {
        serviceUses.add(name);
    }

    void environment(YamlMap.Named name) {
        environmentUses.add(name);
    }

    /** Services and environments named by scopes, services and soak stages, against those the policy has. */
    void checkPlaces(Set<String> services, Set<String> environments) {
        report(serviceUses, services, "service", "services", "define it under services:");
        report(environmentUses, environments, "environment", "environments", "list it under environments:");
    }

    void check(Set<String> roles, Set<String> windows, Set<String> classes) {
        report(roleUses, roles, "role", "roles", "define it under roles:");
        report(windowUses, windows, "window", "windows", "define it under windows:");
        report(classUses, classes, "class", "classes", "define it under classes:");
    }

    private void report(List<YamlMap.Named> uses, Set<String> defined, String what, String plural, String fix) {
        for (var use : uses) {
            if (!defined.contains(use.text())) {
                var hint = defined.isEmpty() ? fix : Suggestions.hint(use.text(), defined, plural) + "; or " + fix;
                problems.at(use.node(), "undefined " + what + " '" + use.text() + "'", hint);
            }
        }
    }
}
