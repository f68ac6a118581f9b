package dev.changebot.github;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test class on a fresh {@link GitHubFixture} per test: the app as a GitHub App, a fake GitHub API. */
abstract class WithGitHubApp {

    @TempDir
    Path dir;
    GitHubFixture gh;

    @BeforeEach
    void startGitHubApp() throws Exception {
        gh = new GitHubFixture(dir);
    }

    @AfterEach
    void stopGitHubApp() {
        gh.close();
    }
}
