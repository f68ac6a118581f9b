package dev.changebot.policyfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every preset shipped in the jar loads cleanly, by name and by path. */
class PresetsTest {

    static java.util.List<String> presets() {
        return PolicyFiles.PRESETS;
    }

    @ParameterizedTest(name = "preset:{0}")
    @MethodSource("presets")
    void loadsByName(String name) {
        var load = PolicyFiles.load("preset:" + name);

        assertThat(load).as(String.valueOf(load)).isInstanceOf(PolicyLoad.Loaded.class);
        assertThat(((PolicyLoad.Loaded) load).policy().id()).isEqualTo(name);
    }

    @ParameterizedTest(name = "src/main/resources/policies/{0}.yaml")
    @MethodSource("presets")
    void loadsByPath(String name) {
        var load = PolicyFiles.load(Path.of("src/main/resources/policies", name + ".yaml").toString());

        assertThat(load).as(String.valueOf(load)).isInstanceOf(PolicyLoad.Loaded.class);
    }

    @Test
    @DisplayName("without CHANGEBOT_POLICY the documented default applies")
    void defaultWhenUnset() {
        assertThat(PolicyFiles.load("")).isInstanceOfSatisfying(PolicyLoad.Loaded.class,
                loaded -> assertThat(loaded.policy().id()).isEqualTo("default"));
    }

    @Test
    @DisplayName("an unknown preset or a missing file is a problem, with the known presets as a hint")
    void unknownPresetAndMissingFile() {
        assertThat(PolicyFiles.load("preset:chat-backnd")).isInstanceOfSatisfying(PolicyLoad.Invalid.class,
                invalid -> assertThat(invalid.problems().get(0).hint()).contains("did you mean 'chat-backend'"));
        assertThat(PolicyFiles.load("/nonexistent/policy.yaml")).isInstanceOfSatisfying(PolicyLoad.Invalid.class,
                invalid -> assertThat(invalid.problems().get(0).message()).contains("does not exist"));
    }
}
