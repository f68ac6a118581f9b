package dev.changebot.github;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.TestPostgres;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A GitHub App whose key file cannot be used stops the start, naming the file, instead of failing the first reply. */
@Timeout(60)
class GitHubAppAtStartupTest {

    @Test
    void aMissingKeyFileIsNamedAtStart(@TempDir Path dir) {
        var missing = dir.resolve("no-such-key.pem");
        try (var slack = FakeSlackApi.start()) {
            assertThatThrownBy(() -> RunningApp.start(TestPostgres.freshDatabase(), slack, Map.of(
                    "changebot.github.app-id", "1", "changebot.github.private-key-file", missing.toString(),
                    "changebot.github.webhook-secret", "s")).close())
                    .satisfies(e -> {
                        Throwable cause = e;
                        while (cause != null && !(cause instanceof GitHubAppRefusedException)) {
                            cause = cause.getCause();
                        }
                        Assertions.assertThat(cause).as("the refusal in the cause chain").isNotNull();
                        Assertions.assertThat(cause.getMessage()).contains(missing.toString())
                                .contains("CHANGEBOT_GITHUB_PRIVATE_KEY_FILE");
                    });
        }
    }
}
