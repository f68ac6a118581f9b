package dev.changebot.keyfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.changebot.persistence.embedded.DataDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signing key's file: where it is, how it is written, and what an unusable one says. */
class SigningKeyFileTest {

    @TempDir
    Path directory;

    @Test
    @DisplayName("a new key is written only its owner can read (0600), in a directory only its owner can enter, and reads back as the same key")
    void createdOwnerOnly() throws Exception {
        var file = new SigningKeyFile(directory.resolve("data").resolve(SigningKeyFile.FILE_NAME));

        var key = file.create("changebot-audit");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path().getParent())))
                .isEqualTo("rwx------");
        assertThat(file.load("changebot-audit").verifierKey()).isEqualTo(key.verifierKey());
        assertThat(Files.list(file.path().getParent())).as("no temporary file left behind").hasSize(1);
    }

    @Test
    @DisplayName("a key never replaces one that exists: creating where one is gives that one")
    void neverOverwrites() {
        var file = new SigningKeyFile(directory.resolve(SigningKeyFile.FILE_NAME));
        var first = file.create("changebot-audit");

        var second = file.create("changebot-audit");

        assertThat(second.verifierKey()).isEqualTo(first.verifierKey());
    }

    @Test
    @DisplayName("a file that is not a key says so without quoting it")
    void notAKey() throws Exception {
        var path = directory.resolve(SigningKeyFile.FILE_NAME);
        Files.writeString(path, "-----BEGIN PRIVATE KEY-----\nc2VjcmV0\n-----END PRIVATE KEY-----\n");

        assertThatThrownBy(() -> new SigningKeyFile(path).load("changebot-audit"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PUBLIC KEY")
                .hasMessageNotContaining("c2VjcmV0");
    }

    @Test
    @DisplayName("by default the key lies beside the embedded database's data: CHANGEBOT_DATA_DIR, else $HOME/.changebot")
    void besideTheData() {
        var home = directory.resolve("home").toString();
        var environment = Map.of("HOME", home);

        assertThat(SigningKeyFile.locate(null, null, environment).path().getParent())
                .isEqualTo(DataDirectory.resolve(null, environment).root());
        assertThat(SigningKeyFile.locate("", "/srv/changebot", environment).path())
                .isEqualTo(DataDirectory.resolve("/srv/changebot", environment).root().resolve("audit-signing-key.pem"));
        assertThat(SigningKeyFile.locate("/etc/changebot/key.pem", "/srv/changebot", environment).path())
                .isEqualTo(Path.of("/etc/changebot/key.pem"));
        assertThat(SigningKeyFile.fromEnvironment(Map.of("HOME", home, "CHANGEBOT_AUDIT_KEY_FILE", "/k.pem")).path())
                .isEqualTo(Path.of("/k.pem"));
    }
}
