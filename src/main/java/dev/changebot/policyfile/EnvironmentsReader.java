package dev.changebot.policyfile;

import dev.changebot.domain.policy.DeploymentPlan;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code environments:}, first to last: a list of names, or a map of name to {label}. The
 * list must name production: rollouts and post-deploy monitoring are production's, whatever comes
 * before it.
 */
final class EnvironmentsReader {

    static final Pattern NAME = Pattern.compile("[a-z0-9._-]+");

    private final Problems problems;

    EnvironmentsReader(Problems problems) {
        this.problems = problems;
    }

    /** Name to label, in order; empty when the section is absent or unreadable. */
    Map<String, String> read(YamlMap top) {
        var environments = new LinkedHashMap<String, String>();
        var node = top.get("environments");
        if (node.isEmpty()) {
            return environments;
        }
        if (node.get() instanceof SequenceNode) {
            top.strings("environments").forEach(name -> add(environments, name.text(), name.text(), name.node()));
        } else if (node.get() instanceof MappingNode) {
            top.map("environments").ifPresent(section -> section.entries().forEach((name, value) ->
                    add(environments, name, label(section, name, value).orElse(name), section.keyNode(name))));
        } else {
            problems.at(node.get(), "'environments' must list the environments, first to last",
                    "e.g. environments: [staging, production]");
            return environments;
        }
        if (!environments.isEmpty() && !environments.containsKey(DeploymentPlan.PRODUCTION)) {
            problems.at(node.get(), "'environments' does not name production",
                    "rollouts and post-deploy monitoring are production's: list production, e.g. [staging, production]");
        }
        return environments;
    }

    private Optional<String> label(YamlMap section, String name, Node value) {
        if (value instanceof org.yaml.snakeyaml.nodes.ScalarNode scalar && scalar.getValue().isEmpty()) {
            return Optional.empty(); // "production:" with nothing after it
        }
        return YamlMap.of(value, section.child(name), problems).flatMap(env -> {
            env.allowOnly(Set.of("label"));
            return env.string("label");
        });
    }

    private void add(Map<String, String> environments, String name, String label, Node at) {
        if (!NAME.matcher(name).matches()) {
            problems.at(at, "environment name '" + name + "' is not lower-case letters, digits, '.', '_' or '-'",
                    "e.g. staging, production, eu-west");
        } else if (environments.containsKey(name)) {
            problems.at(at, "environment '" + name + "' is listed twice", "list each environment once");
        } else {
            environments.put(name, label);
        }
    }
}
