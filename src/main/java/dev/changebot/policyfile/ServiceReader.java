package dev.changebot.policyfile;

import dev.changebot.domain.policy.ChangeClass;
import dev.changebot.domain.policy.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code services:}. Roles and environments are checked with the other references; class
 * overrides here, against the classes already read.
 */
final class ServiceReader {

    static final Set<String> KEYS = Set.of("label", "owner", "environments", "class_overrides", "approval",
            "repositories", StageApprovalReader.KEY, "depends_on");
    /** GitHub's owner/name: letters, digits, '.', '_' and '-' on either side of one slash. */
    static final java.util.regex.Pattern REPOSITORY = java.util.regex.Pattern.compile("[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}");

    private final Problems problems;
    private final References references;
    private final ClassReader steps;
    /** The depends_on entries read, checked once every service is known (one may name a later one). */
    private final java.util.List<YamlMap.Named> pending = new ArrayList<>();

    ServiceReader(Problems problems, References references) {
        this.problems = problems;
        this.references = references;
        this.steps = new ClassReader(problems, references, java.util.List.of());
    }

    Map<String, Service> read(YamlMap top, Map<String, ChangeClass> classes) {
        var services = new LinkedHashMap<String, Service>();
        var repositoryOwners = new java.util.HashMap<String, String>();
        top.map("services").ifPresent(section -> section.entries().forEach((name, node) -> {
            if (!EnvironmentsReader.NAME.matcher(name).matches()) {
                problems.at(section.keyNode(name), "service name '" + name
                        + "' is not lower-case letters, digits, '.', '_' or '-'", "e.g. api, homepage, celery-workers");
            }
            YamlMap.of(node, "services." + name, problems).ifPresent(service -> {
                service.allowOnly(KEYS);
                var owner = service.string("owner").orElse("");
                service.get("owner").ifPresent(at -> references.role(new YamlMap.Named(owner, at)));
                var environments = new ArrayList<String>();
                for (var environment : service.strings("environments")) {
                    references.environment(environment);
                    environments.add(environment.text());
                }
                if (service.has("environments") && environments.isEmpty()) {
                    problems.at(service.get("environments").orElseThrow(), "service '" + name + "' lists no environments",
                            "leave environments: out for all of the policy's, or name some");
                }
                services.put(name, new Service(name, service.string("label").orElse(name), owner, environments,
                        overrides(service, classes), steps.steps(service), repositories(name, service, repositoryOwners),
                        new StageApprovalReader(problems, references).read(service, "service '" + name + "'", false,
                                java.util.Optional.empty(), false), dependencies(name, service)));
            });
        }));
        dependenciesKnown(services);
        return services;
    }

    /** {@code depends_on}: other services of the policy, each once; checked against them once all are read. */
    private java.util.List<String> dependencies(String name, YamlMap service) {
        var named = new ArrayList<String>();
        for (var dependency : service.strings("depends_on")) {
            if (dependency.text().equals(name)) {
                problems.at(dependency.node(), "service '" + name + "' depends on itself", "name the services it depends on");
            } else if (named.contains(dependency.text())) {
                problems.at(dependency.node(), "service '" + name + "' names '" + dependency.text() + "' twice in depends_on",
                        "name each service once");
            } else {
                named.add(dependency.text());
                pending.add(dependency);
            }
        }
        return named;
    }

    private void dependenciesKnown(Map<String, Service> services) {
        for (var dependency : pending) {
            if (!services.containsKey(dependency.text())) {
                problems.at(dependency.node(), "depends_on names '" + dependency.text() + "', which is not one of services:",
                        "services: " + String.join(", ", services.keySet()));
            }
        }
        pending.clear();
    }

    /** Each repository belongs to one service: a deployment from it must find exactly one. */
    private java.util.List<String> repositories(String name, YamlMap service, Map<String, String> owners) {
        var repositories = new ArrayList<String>();
        for (var repository : service.strings("repositories")) {
            if (!REPOSITORY.matcher(repository.text()).matches()) {
                problems.at(repository.node(), "repository '" + repository.text() + "' is not owner/name",
                        "as GitHub writes it, e.g. acme/api");
                continue;
            }
            var earlier = owners.putIfAbsent(repository.text().toLowerCase(java.util.Locale.ROOT), name);
            if (earlier != null) {
                problems.at(repository.node(), "repository '" + repository.text() + "' is already deployed as service '" + earlier + "'",
                        "a repository is deployed as one service");
                continue;
            }
            repositories.add(repository.text());
        }
        return repositories;
    }

    private Map<String, String> overrides(YamlMap service, Map<String, ChangeClass> classes) {
        var overrides = new LinkedHashMap<String, String>();
        service.map("class_overrides").ifPresent(section -> section.entries().forEach((from, node) -> {
            var to = section.string(from);
            if (!classes.containsKey(from)) {
                problems.at(section.keyNode(from), "undefined class '" + from + "'",
                        Suggestions.hint(from, classes.keySet(), "classes") + "; or define it under classes:");
            } else if (classes.get(from).emergency()) {
                problems.at(section.keyNode(from), "class '" + from + "' is the emergency class: it is declared, not overridden",
                        "override the classes people request");
            }
            to.ifPresent(target -> {
                if (!classes.containsKey(target)) {
                    problems.at(node, "undefined class '" + target + "'",
                            Suggestions.hint(target, classes.keySet(), "classes") + "; or define it under classes:");
                } else if (classes.get(target).emergency()) {
                    problems.at(node, "a " + service.path() + " change cannot be handled as the emergency class '"
                            + target + "'", "emergencies are declared in an incident; name a class people request");
                } else if (classes.containsKey(from)) {
                    overrides.put(from, target);
                }
            });
        }));
        return overrides;
    }
}
