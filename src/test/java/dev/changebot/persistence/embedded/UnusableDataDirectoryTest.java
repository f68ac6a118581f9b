package dev.changebot.persistence.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.changebot.support.AppProcess;
import dev.changebot.support.PostgresProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory the embedded server really cannot use is reported as such: which directory, why,
 * and what to do, rather than "set DATASOURCES_DEFAULT_URL", and the reason reaches the log.
 */
@Timeout(240)
class UnusableDataDirectoryTest {

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("a data directory owned by another user: the error names it, the owner and the fix")
    void ownedBySomeoneElse() throws Exception {
        var cluster = dataDir.resolve("postgres");
        Files.createDirectories(cluster);
        var nobody = cluster.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(cluster, nobody);

        assertThatThrownBy(() -> EmbeddedDatabase.start(DataDirectory.resolve(dataDir.toString(), Map.of())))
                .isInstanceOf(EmbeddedDatabaseException.class)
                .hasMessageContaining(cluster.toString())
                .hasMessageContaining("owned by 'nobody'")
                .hasMessageContaining("Fix: ")
                .hasMessageContaining("chown -R")
                .hasMessageNotContaining("Set DATASOURCES_DEFAULT_URL");
    }

    @Test
    @DisplayName("a corrupt data directory: the app exits, and its log says which directory and what the server said")
    void corruptCluster() throws Exception {
        var directory = DataDirectory.resolve(dataDir.toString(), Map.of());
        EmbeddedDatabase.start(directory).close();
        Files.delete(directory.cluster().resolve("global").resolve("pg_control"));

        var log = Path.of("target", "unusable-data-directory.log");
        assertThatThrownBy(() -> AppProcess.startWithoutEnvironment(dataDir, dataDir,
                Map.of("changebot.data-dir", dataDir.toString()), log))
                .hasMessageContaining("exited");
        assertThat(Files.readString(log))
                .contains("The embedded PostgreSQL did not start on its data directory " + directory.cluster())
                .contains("pg_control")
                .contains("Fix: ");
        assertThat(PostgresProcesses.awaitNoneOn(directory.cluster(), Duration.ofSeconds(10))).isTrue();
    }
}
