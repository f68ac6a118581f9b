package dev.changebot.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.changebot.support.AppProcess;
import dev.changebot.support.LeftRunning;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The faster start the README documents: one training start of the packaged jar writes a
 * class-data-sharing archive, and later starts map it. {@code -Xshare:on} makes the JVM refuse to
 * start rather than silently run without the archive, so the second start proves it is usable.
 * That start runs with the README's {@code JAVA_OPTS} and the optional compiler thresholds it lists,
 * read from the README, so a JVM refusing an option the README documents fails here.
 */
class ClassDataArchiveIT {

    /** The README's optional line for a bot restarted often (C2 waits for four times the calls). */
    private static final List<String> LATER_C2 = List.of("-XX:Tier4InvocationThreshold=20000",
            "-XX:Tier4MinInvocationThreshold=2400", "-XX:Tier4CompileThreshold=60000",
            "-XX:Tier4BackEdgeThreshold=160000");

    private static final Pattern JAVA_OPTS = Pattern.compile("(?m)^JAVA_OPTS=\"([^\"]+)\"$");

    @TempDir
    Path home;
    @TempDir
    Path workDir;

    @Test
    @Timeout(300)
    @DisplayName("-Dchangebot.stop-after-startup=true under -XX:ArchiveClassesAtExit writes an archive and exits 0;"
            + " a start that requires it, with the README's JVM options, is UP")
    void trainingStartWritesAnArchiveTheNextStartUses() throws IOException {
        var options = readmeJvmOptions();
        var archive = home.resolve("changebot.jsa");
        var log = home.resolve("changebot.log");

        try (var training = jar(log, "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=error",
                "-Dchangebot.stop-after-startup=true")) {
            assertThat(training.awaitExit(Duration.ofSeconds(180))).as(training.logTail()).isZero();
        }
        assertThat(Files.readString(log)).contains("stopping, as changebot.stop-after-startup asks");
        assertThat(archive).exists();
        assertThat(Files.size(archive)).isGreaterThan(1_000_000);

        options.add("-Xshare:on");
        options.addAll(LATER_C2);
        try (var next = jar(log, options.stream()
                        .map(option -> option.replace("target/changebot.jsa", archive.toString()))
                        .toArray(String[]::new))
                .awaitHealthy(Duration.ofSeconds(120))) {
            var health = JsonParser.parseString(next.get("/health").body()).getAsJsonObject();
            assertThat(health.get("status").getAsString()).isEqualTo("UP");
            assertThat(next.terminate(Duration.ofSeconds(60))).isIn(0, 143);
        }
        LeftRunning.assertNothingRunsIn(home);
    }

    /** The README's JAVA_OPTS line, checked to name the archive and to list the optional thresholds too. */
    private static List<String> readmeJvmOptions() throws IOException {
        var readme = Files.readString(Path.of("README.md"));
        var line = JAVA_OPTS.matcher(readme);
        assertThat(line.find()).as("a JAVA_OPTS=\"...\" line in README.md").isTrue();
        var options = new ArrayList<>(List.of(line.group(1).split(" ")));
        assertThat(options).contains("-XX:SharedArchiveFile=target/changebot.jsa");
        LATER_C2.forEach(option -> assertThat(readme).contains(option));
        return options;
    }

    /**
     * {@code java <jvmOptions> -jar target/changebot.jar} with nothing but HOME in its environment: the
     * embedded database in HOME. (Not the test server: the packaged jar on this JVM's class path
     * holds the embedded binaries a second time.)
     */
    private AppProcess jar(Path log, String... jvmOptions) {
        int port = AppProcess.freePort();
        var command = new ArrayList<>(List.of(AppProcess.javaBinary(), "-Xmx256m"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-Dmicronaut.server.port=" + port, "-jar", NewcomerLaunch.JAR.toString()));
        var builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().clear();
        builder.environment().put("HOME", home.toString());
        return AppProcess.launch(builder, port, log);
    }
}
