package dev.changebot.bench;

import dev.changebot.support.AppProcess;
import dev.changebot.support.RunningApp;
import dev.changebot.support.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An API token for the benchmark's pipelines, made as an operator makes one on the server's host:
 * the {@code token create} command of the app's own main class, against the bench's database, printing
 * the token on standard output. The database must already know its workspace (the pending changes'
 * requests have made it).
 */
final class BenchToken {

    private static final long BOUND_SECONDS = 60;

    private BenchToken() {
    }

    static String create(TestDatabase database, String name) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(AppProcess.javaBinary(), "-cp", System.getProperty("java.class.path"),
                "dev.changebot.Application", "token", "create", name, "--db", database.url(), "--db-user", database.user(),
                "--db-password", database.password() == null ? "" : database.password()));
        var errors = Files.createTempFile("changebot-bench-token", ".log");
        var builder = new ProcessBuilder(command).redirectError(errors.toFile());
        builder.environment().put("CHANGEBOT_POLICY", new File(RunningApp.TEST_POLICY).getAbsolutePath());
        var process = builder.start();
        // Its output is one line, well within the pipe's buffer: waiting first cannot block it.
        if (!process.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("token create did not finish within " + BOUND_SECONDS + " s");
        }
        var token = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.exitValue() != 0 || !token.startsWith("cbt_")) {
            throw new IllegalStateException("token create failed (exit " + process.exitValue() + "): "
                    + Files.readString(errors));
        }
        Files.delete(errors);
        return token;
    }
}
