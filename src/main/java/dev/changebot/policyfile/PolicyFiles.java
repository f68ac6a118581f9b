package dev.changebot.policyfile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds a policy by what CHANGEBOT_POLICY says: {@code preset:NAME} for one shipped in the jar,
 * a file path otherwise, and the documented default when nothing is set.
 */
public final class PolicyFiles {

    public static final String PRESET_PREFIX = "preset:";
    public static final String DEFAULT_PRESET = "default";
    public static final List<String> PRESETS = List.of("default", "chat-backend", "pol-008", "pol-012", "rotor", "mixpeek");

    private PolicyFiles() {
    }

    public static PolicyLoad load(String spec) {
        if (spec == null || spec.isBlank()) {
            return preset(DEFAULT_PRESET);
        }
        if (spec.startsWith(PRESET_PREFIX)) {
            return preset(spec.substring(PRESET_PREFIX.length()).strip());
        }
        return file(Path.of(spec.strip()));
    }

    public static PolicyLoad file(Path path) {
        try {
            return PolicyReader.read(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return unreadable(path.toString(), "the policy file does not exist",
                    "check CHANGEBOT_POLICY, or use a preset: " + String.join(", ", PRESETS));
        } catch (IOException e) {
            return unreadable(path.toString(), "the policy file cannot be read: " + e.getMessage(), "");
        }
    }

    public static PolicyLoad preset(String name) {
        var resource = "policies/" + name + ".yaml";
        try (InputStream in = PolicyFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return unreadable(PRESET_PREFIX + name, "there is no preset '" + name + "'",
                        Suggestions.hint(name, PRESETS, "presets"));
            }
            return PolicyReader.read(PRESET_PREFIX + name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return unreadable(PRESET_PREFIX + name, "the preset cannot be read: " + e.getMessage(), "");
        }
    }

    /**
     * The SHA-256 (lower-case hex) of the bytes {@code spec} names, as {@link #load} reads them: the
     * audit chain records which policy file a node ran. Empty when it cannot be read.
     */
    public static java.util.Optional<String> sha256(String spec) {
        try {
            byte[] bytes;
            if (spec == null || spec.isBlank() || spec.startsWith(PRESET_PREFIX)) {
                var name = spec == null || spec.isBlank() ? DEFAULT_PRESET : spec.substring(PRESET_PREFIX.length()).strip();
                try (InputStream in = PolicyFiles.class.getClassLoader().getResourceAsStream("policies/" + name + ".yaml")) {
                    if (in == null) {
                        return java.util.Optional.empty();
                    }
                    bytes = in.readAllBytes();
                }
            } else {
                bytes = Files.readAllBytes(Path.of(spec.strip()));
            }
            return java.util.Optional.of(java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(bytes)));
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            return java.util.Optional.empty();
        }
    }

    /** Where {@code spec} points, as the audit chain names it: the path, or preset:NAME. */
    public static String sourceOf(String spec) {
        return spec == null || spec.isBlank() ? PRESET_PREFIX + DEFAULT_PRESET : spec.strip();
    }

    private static PolicyLoad unreadable(String file, String message, String hint) {
        return new PolicyLoad.Invalid(List.of(new PolicyProblem(file, 1, 1, message, hint)));
    }
}
