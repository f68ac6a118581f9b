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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The faster start the README documents: one training start of the packaged jar writes a
 * class-data-sharing archive, and later starts map it. {@code -Xshare:on} makes the JVM refuse to
 * start rather than silently run without the archive, so the second start proves it is usable.
 */
class ClassDataArchiveIT {

    @TempDir
    Path home;
    @TempDir
    Path workDir;

    @Test
    @Timeout(300)
    @DisplayName("-Dchangebot.stop-after-startup=true under -XX:ArchiveClassesAtExit writes an archive and exits 0; a start that requires the archive is UP")
    void trainingStartWritesAnArchiveTheNextStartUses() throws IOException {
        var archive = home.resolve("changebot.jsa");
        var log = home.resolve("changebot.log");

        try (var training = jar(log, "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=error",
                "-Dchangebot.stop-after-startup=true")) {
            assertThat(training.awaitExit(Duration.ofSeconds(180))).as(training.logTail()).isZero();
        }
        assertThat(Files.readString(log)).contains("stopping, as changebot.stop-after-startup asks");
        assertThat(archive).exists();
        assertThat(Files.size(archive)).isGreaterThan(1_000_000);

        try (var next = jar(log, "-Xshare:on", "-XX:SharedArchiveFile=" + archive)
                .awaitHealthy(Duration.ofSeconds(120))) {
            var health = JsonParser.parseString(next.get("/health").body()).getAsJsonObject();
            assertThat(health.get("status").getAsString()).isEqualTo("UP");
            assertThat(next.terminate(Duration.ofSeconds(60))).isIn(0, 143);
        }
        LeftRunning.assertNothingRunsIn(home);
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
