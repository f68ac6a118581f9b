package dev.changebot.policyfile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping read with positions kept, reporting wrong types, duplicate and unknown keys to
 * {@link Problems} instead of throwing, so one pass finds every mistake in a file.
 */
final class YamlMap {

    private final Node node;
    private final String path;
    private final Problems problems;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private YamlMap(Node node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        if (node instanceof MappingNode mapping) {
            for (var tuple : mapping.getValue()) {
                var key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
                if (key == null) {
                    problems.at(tuple.getKeyNode(), "a key " + where(path) + " is not a plain word", "use key: value");
                } else if (entries.containsKey(key)) {
                    problems.at(tuple.getKeyNode(), "'" + key + "' appears twice " + where(path),
                            "keep one of them");
                } else {
                    entries.put(key, tuple);
                }
            }
        }
    }

    /** Empty (with a problem reported) when the node is not a mapping. */
    static Optional<YamlMap> of(Node node, String path, Problems problems) {
        if (node instanceof MappingNode) {
            return Optional.of(new YamlMap(node, path, problems));
        }
        problems.at(node, (path.isEmpty() ? "the policy" : "'" + path + "'") + " must be a mapping of key: value",
                describe(node));
        return Optional.empty();
    }

    /** Where a key sits, in words: the top level has no path to name. */
    private static String where(String path) {
        return path.isEmpty() ? "at the top level of the policy" : "in '" + path + "'";
    }

    Node node() {
        return node;
    }

    String path() {
        return path;
    }

    Problems problems() {
        return problems;
    }

    String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Reports every key not in {@code allowed}, with the nearest allowed key as a suggestion. */
    void allowOnly(Set<String> allowed) {
        entries.forEach((key, tuple) -> {
            if (!allowed.contains(key)) {
                problems.at(tuple.getKeyNode(), "unknown key '" + key + "' " + where(path),
                        Suggestions.hint(key, allowed, "keys here"));
            }
        });
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    Optional<Node> get(String key) {
        return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode);
    }

    Node keyNode(String key) {
        return entries.get(key).getKeyNode();
    }

    /** Named children in file order: the entries of roles:, windows:, classes:... */
    Map<String, Node> entries() {
        var named = new LinkedHashMap<String, Node>();
        entries.forEach((key, tuple) -> named.put(key, tuple.getValueNode()));
        return named;
    }

    Optional<String> string(String key) {
        return get(key).flatMap(value -> scalar(value, child(key)));
    }

    Optional<String> requiredString(String key, String hint) {
        if (!has(key)) {
            problems.at(node, (path.isEmpty() ? "the policy" : "'" + path + "'") + " needs '" + key + "'", hint);
            return Optional.empty();
        }
        return string(key);
    }

    Optional<Boolean> bool(String key) {
        return string(key).flatMap(text -> {
            if (text.equals("true") || text.equals("false")) {
                return Optional.of(Boolean.parseBoolean(text));
            }
            problems.at(get(key).orElseThrow(), "'" + child(key) + "' must be true or false, not '" + text + "'", "");
            return Optional.empty();
        });
    }

    Optional<Integer> integer(String key) {
        return string(key).flatMap(text -> {
            try {
                return Optional.of(Integer.parseInt(text));
            } catch (NumberFormatException notANumber) {
                problems.at(get(key).orElseThrow(), "'" + child(key) + "' must be a whole number, not '" + text + "'", "");
                return Optional.empty();
            }
        });
    }

    /** A list of words; a single word is accepted as a list of one. */
    List<Named> strings(String key) {
        var value = get(key);
        if (value.isEmpty()) {
            return List.of();
        }
        var list = new ArrayList<Named>();
        if (value.get() instanceof SequenceNode sequence) {
            for (var item : sequence.getValue()) {
                scalar(item, child(key)).ifPresent(text -> list.add(new Named(text, item)));
            }
        } else {
            scalar(value.get(), child(key)).ifPresent(text -> list.add(new Named(text, value.get())));
        }
        return list;
    }

    Optional<YamlMap> map(String key) {
        return get(key).flatMap(value -> of(value, child(key), problems));
    }

    /** A list of mappings, e.g. approval steps. */
    List<YamlMap> maps(String key) {
        var value = get(key);
        if (value.isEmpty()) {
            return List.of();
        }
        if (!(value.get() instanceof SequenceNode sequence)) {
            problems.at(value.get(), "'" + child(key) + "' must be a list (lines starting with '- ')", describe(value.get()));
            return List.of();
        }
        var maps = new ArrayList<YamlMap>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            of(sequence.getValue().get(i), child(key) + "[" + (i + 1) + "]", problems).ifPresent(maps::add);
        }
        return maps;
    }

    private Optional<String> scalar(Node value, String where) {
        if (value instanceof ScalarNode scalar) {
            return Optional.of(scalar.getValue().strip());
        }
        problems.at(value, "'" + where + "' must be a single value", describe(value));
        return Optional.empty();
    }

    private static String describe(Node node) {
        if (node instanceof SequenceNode) {
            return "found a list";
        }
        if (node instanceof MappingNode) {
            return "found a mapping";
        }
        return node instanceof ScalarNode scalar ? "found '" + scalar.getValue() + "'" : "";
    }

    /** A word from the file and where it stands, to point at it if it is wrong. */
    record Named(String text, Node node) {
    }
}
