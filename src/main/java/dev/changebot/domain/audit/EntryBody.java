package dev.changebot.domain.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one audit entry says, exactly the members of its body (docs/audit.md, "The encoding"):
 * {@code v} (1), {@code chain}, {@code seq}, {@code kind}, {@code change} ("CHG-42" or null),
 * {@code actor}, {@code at} and {@code recorded} (times in {@link CanonicalJson#instant}'s form),
 * {@code source} ("change_event:123", "policy"...) and {@code details} (an object).
 */
public record EntryBody(String chain, long seq, String kind, Long changeNumber, String actor, String at,
                        String recorded, String source, Map<String, Object> details) {

    public static final long VERSION = 1;
    private static final Set<String> MEMBERS = Set.of("v", "chain", "seq", "kind", "change", "actor", "at",
            "recorded", "source", "details");
    private static final String CHANGE_PREFIX = "CHG-";

    public EntryBody {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(recorded, "recorded");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(details, "details");
    }

    /** The canonical JSON the entry's hash covers. */
    public String text() {
        var members = new LinkedHashMap<String, Object>();
        members.put("v", VERSION);
        members.put("chain", chain);
        members.put("seq", seq);
        members.put("kind", kind);
        members.put("change", changeNumber == null ? null : CHANGE_PREFIX + changeNumber);
        members.put("actor", actor);
        members.put("at", at);
        members.put("recorded", recorded);
        members.put("source", source);
        members.put("details", details);
        return CanonicalJson.write(members);
    }

    /**
     * Reads a stored body, and refuses one that is not in the canonical form (re-encoding it must give
     * the same text), lacks a member, has one too many, or has one of the wrong type.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static EntryBody parse(String text) {
        var members = JsonText.object(text);
        var missing = new TreeMap<String, Boolean>();
        MEMBERS.forEach(m -> {
            if (!members.containsKey(m)) {
                missing.put(m, true);
            }
        });
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the body lacks " + String.join(", ", missing.keySet()));
        }
        var extra = members.keySet().stream().filter(m -> !MEMBERS.contains(m)).sorted().toList();
        if (!extra.isEmpty()) {
            throw new IllegalArgumentException("the body has members no entry has: " + String.join(", ", extra));
        }
        if (!Long.valueOf(VERSION).equals(members.get("v"))) {
            throw new IllegalArgumentException("the body's version is " + members.get("v") + ", not " + VERSION);
        }
        var body = new EntryBody(string(members, "chain"), number(members, "seq"), string(members, "kind"),
                change(members.get("change")), string(members, "actor"), string(members, "at"),
                string(members, "recorded"), string(members, "source"), object(members, "details"));
        if (!body.text().equals(text)) {
            throw new IllegalArgumentException("the body is not in the canonical encoding");
        }
        return body;
    }

    /** The members that differ from {@code other}'s, by name: empty when they say the same. */
    public List<String> differences(EntryBody other) {
        var differing = new java.util.ArrayList<String>();
        compare(differing, "chain", chain, other.chain);
        compare(differing, "seq", seq, other.seq);
        compare(differing, "kind", kind, other.kind);
        compare(differing, "change", changeNumber, other.changeNumber);
        compare(differing, "actor", actor, other.actor);
        compare(differing, "at", at, other.at);
        compare(differing, "recorded", recorded, other.recorded);
        compare(differing, "source", source, other.source);
        if (!CanonicalJson.write(details).equals(CanonicalJson.write(other.details))) {
            differing.add("details (" + CanonicalJson.write(details) + " vs " + CanonicalJson.write(other.details) + ")");
        }
        return differing;
    }

    private static void compare(List<String> differing, String name, Object mine, Object theirs) {
        if (!Objects.equals(mine, theirs)) {
            differing.add(name + " (" + mine + " vs " + theirs + ")");
        }
    }

    private static String string(Map<String, Object> members, String name) {
        if (members.get(name) instanceof String text) {
            return text;
        }
        throw new IllegalArgumentException("the body's " + name + " is not a string");
    }

    private static long number(Map<String, Object> members, String name) {
        if (members.get(name) instanceof Long number) {
            return number;
        }
        throw new IllegalArgumentException("the body's " + name + " is not a whole number");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> members, String name) {
        if (members.get(name) instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException("the body's " + name + " is not an object");
    }

    private static Long change(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text && text.startsWith(CHANGE_PREFIX)) {
            try {
                long number = Long.parseLong(text.substring(CHANGE_PREFIX.length()));
                if (number > 0 && text.equals(CHANGE_PREFIX + number)) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
        }
        throw new IllegalArgumentException("the body's change is not null or CHG-<number>: " + value);
    }
}
