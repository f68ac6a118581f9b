package dev.changebot.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.changebot.application.audit.SigningKeyRefusedException;
import dev.changebot.domain.audit.SigningKey;
import dev.changebot.support.AppProcess;
import dev.changebot.support.AuditChainRows;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.MutableClock;
import dev.changebot.support.RunningApp;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signing key at start-up: made at the first start, and never made again once a checkpoint was
 * signed with it; a missing or unreadable key stops the start with one message naming the file and
 * the way out.
 */
@Timeout(180)
class SigningKeyAtStartTest {

    @TempDir
    Path directory;

    @Test
    @DisplayName("the first start makes the key, readable by its owner only, in a directory made for it")
    void firstStartMakesTheKey() throws Exception {
        var keyFile = directory.resolve("data").resolve("audit-signing-key.pem");
        try (var slack = FakeSlackApi.start(); var app = start(TestPostgres.freshDatabase(), slack, keyFile)) {
            assertThat(keyFile).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
            assertThat(app.bean(SigningKey.class).verifierKey().name()).isEqualTo("changebot-audit");
        }
        try (var slack = FakeSlackApi.start(); var again = start(TestPostgres.freshDatabase(), slack, keyFile)) {
            assertThat(again.bean(SigningKey.class).verifierKey().toString())
                    .as("a later start reads the key, it does not make another")
                    .isEqualTo(new dev.changebot.keyfile.SigningKeyFile(keyFile).load("changebot-audit").verifierKey().toString());
        }
    }

    @Test
    @DisplayName("the key missing after a checkpoint was signed: the start is refused, naming the file, the key and the way out")
    void missingAfterCheckpoints() throws Exception {
        var db = TestPostgres.freshDatabase();
        var keyFile = directory.resolve("audit-signing-key.pem");
        String keyId;
        try (var slack = FakeSlackApi.start(); var app = start(db, slack, keyFile)) {
            AuditChainRows.append(db, FakeSlackApi.TEAM_ID, 2, Instant.now());
            app.bean(AuditCheckpointsJob.class).run();
            keyId = String.format("%08x", app.bean(SigningKey.class).verifierKey().keyId());
        }
        Files.delete(keyFile);

        try (var slack = FakeSlackApi.start()) {
            assertThatThrownBy(() -> start(db, slack, keyFile).close()).satisfies(e -> {
                var refused = refusal(e);
                assertThat(refused.getMessage()).contains("will not start", keyFile.toString(), "is missing",
                        "1 checkpoint was signed", keyId, "audit rotate-key", "CHANGEBOT_AUDIT_KEY_FILE")
                        .doesNotContain("\tat ");
            });
        }
        assertThat(keyFile).as("no key made silently").doesNotExist();
    }

    @Test
    @DisplayName("an unreadable key file is never replaced, even before any checkpoint: the start is refused")
    void unreadableKey() throws Exception {
        var keyFile = directory.resolve("audit-signing-key.pem");
        Files.writeString(keyFile, "not a key\n");
        try (var slack = FakeSlackApi.start()) {
            assertThatThrownBy(() -> start(TestPostgres.freshDatabase(), slack, keyFile).close()).satisfies(e ->
                    assertThat(refusal(e).getMessage()).contains(keyFile.toString(), "cannot be used", "PRIVATE KEY"));
        }
        assertThat(Files.readString(keyFile)).isEqualTo("not a key\n");
    }

    @Test
    @DisplayName("from the command line the refusal is its message alone, no stack trace, exit code 2")
    void refusalReadsAsOneMessage() throws Exception {
        var db = TestPostgres.freshDatabase();
        var keyFile = directory.resolve("audit-signing-key.pem");
        try (var slack = FakeSlackApi.start(); var app = start(db, slack, keyFile)) {
            AuditChainRows.append(db, FakeSlackApi.TEAM_ID, 1, Instant.now());
            app.bean(AuditCheckpointsJob.class).run();
        }
        Files.delete(keyFile);
        var log = Path.of("target", "signing-key-refused.log");

        try (var slack = FakeSlackApi.start()) {
            assertThatThrownBy(() -> AppProcess.start(db, slack, RunningApp.TEST_POLICY, Map.of(),
                    Map.of("CHANGEBOT_AUDIT_KEY_FILE", keyFile.toString()), log).close())
                    .hasMessageContaining("exited with 2");
        }
        assertThat(Files.readString(log)).contains("Changebot will not start: the audit signing key " + keyFile)
                .doesNotContain("\tat ").doesNotContain("Error starting Micronaut");
    }

    private RunningApp start(TestDatabase db, FakeSlackApi slack, Path keyFile) {
        return RunningApp.start(db, slack, new HashMap<>(Map.of("changebot.audit.key-file", keyFile.toString())),
                new MutableClock(Instant.now()));
    }

    private static SigningKeyRefusedException refusal(Throwable thrown) {
        for (var cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof SigningKeyRefusedException refused) {
                return refused;
            }
        }
        throw new AssertionError("not refused for the key", thrown);
    }
}
