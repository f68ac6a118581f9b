package dev.changebot.packaging;

import dev.changebot.support.AppProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The two ways the README starts Changebot, as child processes whose environment holds nothing but
 * HOME (plus what a test adds): {@code java -jar target/changebot.jar} in a working directory of its
 * own, and {@code ./mvnw compile exec:java}. The port is a system property, never the environment.
 */
final class NewcomerLaunch {

    static final Path JAR = Path.of("target", "changebot.jar").toAbsolutePath();

    private NewcomerLaunch() {
    }

    /** {@code java -jar target/changebot.jar [args]}; a server is then awaited, a command's exit read. */
    static AppProcess jar(Path home, Path workDir, Map<String, String> extraEnv, Path log, String... args) {
        int port = AppProcess.freePort();
        var command = new ArrayList<>(List.of(AppProcess.javaBinary(), "-Xmx384m", "-Dmicronaut.server.port=" + port,
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().clear();
        builder.environment().put("HOME", home.toString());
        builder.environment().putAll(extraEnv);
        return AppProcess.launch(builder, port, log);
    }

    /**
     * The README's run command from the project directory, with HOME, PATH (to find java) and this
     * build's Maven caches: it downloads only what the build has not (the exec plugin, on a fresh
     * machine). exec:java hands the port's system property to the app.
     */
    static AppProcess mavenWrapper(Path home, Path log) {
        int port = AppProcess.freePort();
        var m2 = Path.of(System.getProperty("user.home"), ".m2");
        var builder = new ProcessBuilder(Path.of("mvnw").toAbsolutePath().toString(), "-q",
                "-Dmaven.repo.local=" + m2.resolve("repository"), "-Dmicronaut.server.port=" + port,
                "compile", "exec:java");
        builder.environment().clear();
        builder.environment().put("HOME", home.toString());
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");
        builder.environment().put("MAVEN_USER_HOME", m2.toString());
        return AppProcess.launch(builder, port, log);
    }
}
