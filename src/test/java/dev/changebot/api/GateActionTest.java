package dev.changebot.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The GitHub Action (action.yml, composite) run as a runner runs it: its step's env resolved from
 * the inputs (or their defaults), its script under {@code sh -e} with GITHUB_ACTION_PATH and
 * GITHUB_OUTPUT set, against the running app.
 */
@Timeout(180)
class GateActionTest {

    private static final Pattern INPUT = Pattern.compile("\\$\\{\\{ inputs\\.([a-z_-]+) }}");
    private static final Pattern GITHUB = Pattern.compile("\\$\\{\\{ github\\.([a-z_]+) }}");

    final GateFixture gate = new GateFixture();
    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        gate.close();
    }

    @Test
    void anAllowedDeployPassesAndSetsTheCheckOutput() throws Exception {
        var token = gate.token("github-actions");
        var output = dir.resolve("github_output");

        var exit = runAction(Map.of("url", gate.uri("/").toString(), "token", token, "environment", "production",
                "service", "web"), output);

        assertThat(exit.code()).as(exit.err()).isZero();
        var check = Files.readString(output).strip();
        assertThat(check).matches("check=gc_[A-Za-z0-9_-]+");
        var row = gate.db.rows("SELECT state, environment FROM gate_check").get(0);
        assertThat(row).containsEntry("state", "allowed").containsEntry("environment", "production");
        assertThat(gate.db.rows("SELECT description FROM change_request").get(0).get("description").toString())
                .as("the defaults from the github context reached the check").contains("octocat");
    }

    @Test
    void aPreventedDeployFailsTheStep() throws Exception {
        var token = gate.token("github-actions");
        gate.requestNormalChange();
        gate.say(GateFixture.REVIEWER, "reject CHG-1 not this week");

        var exit = runAction(Map.of("url", gate.uri("/").toString(), "token", token, "environment", "staging",
                "change", "CHG-1"), dir.resolve("github_output"));

        assertThat(exit.code()).isEqualTo(1);
        assertThat(exit.err()).contains("rejected");
    }

    private Exit runAction(Map<String, String> given, Path output) throws Exception {
        Map<String, Object> action;
        try (var in = Files.newInputStream(Path.of("action.yml"))) {
            action = new Yaml().load(in);
        }
        @SuppressWarnings("unchecked")
        var inputs = (Map<String, Map<String, Object>>) action.get("inputs");
        assertThat(given.keySet()).allSatisfy(name -> assertThat(inputs).containsKey(name));
        @SuppressWarnings("unchecked")
        var runs = (Map<String, Object>) action.get("runs");
        assertThat(runs).containsEntry("using", "composite");
        @SuppressWarnings("unchecked")
        var step = ((List<Map<String, Object>>) runs.get("steps")).get(0);
        assertThat(step).containsEntry("shell", "sh");

        var github = Map.of("sha", "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567", "ref", "refs/heads/main", "actor", "octocat");
        var environment = new HashMap<String, String>();
        @SuppressWarnings("unchecked")
        var env = (Map<String, String>) step.get("env");
        env.forEach((name, expression) -> {
            var input = INPUT.matcher(expression);
            assertThat(input.matches()).as(name + " comes from an input").isTrue();
            var value = given.containsKey(input.group(1)) ? given.get(input.group(1))
                    : resolve(String.valueOf(inputs.get(input.group(1)).getOrDefault("default", "")), github);
            environment.put(name, value);
        });
        var script = dir.resolve("step.sh");
        Files.writeString(script, step.get("run").toString());
        var builder = new ProcessBuilder("sh", "-e", script.toString());
        builder.environment().putAll(environment);
        builder.environment().put("GITHUB_ACTION_PATH", Path.of("").toAbsolutePath().toString());
        builder.environment().put("GITHUB_OUTPUT", output.toString());
        builder.environment().put("GITHUB_RUN_ID", "4711");
        builder.environment().put("GITHUB_RUN_ATTEMPT", "1");
        var process = builder.start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the action's step did not end within 90 s");
        }
        return new Exit(process.exitValue(), new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static String resolve(String value, Map<String, String> github) {
        var matcher = GITHUB.matcher(value);
        return matcher.matches() ? github.get(matcher.group(1)) : value;
    }

    private record Exit(int code, String err) {
    }
}
