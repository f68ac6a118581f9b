package dev.changebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The jar's top-level command line: help and unknown words never start a server. */
class CommandLineTest {

    @Test
    @DisplayName("--help prints the commands and the exit codes, exit code 0")
    void help() {
        var result = run("--help");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("Usage: changebot", "policy", "without arguments to start the server",
                "64", "wrong usage");
    }

    @Test
    @DisplayName("policy --help shows the policy subcommands")
    void policyHelp() {
        var result = run("policy", "--help");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("check", "explain");
    }

    @Test
    @DisplayName("an unknown word prints what went wrong and the usage on stderr, exit code 64")
    void unknownWord() {
        var result = run("frobnicate");

        assertThat(result.exit()).isEqualTo(ChangebotCommand.USAGE);
        assertThat(result.err()).contains("Unmatched argument", "frobnicate", "Usage: changebot");
        assertThat(result.out()).isEmpty();
    }

    @Test
    @DisplayName("an unknown option is wrong usage too")
    void unknownOption() {
        assertThat(run("--port=9000").exit()).isEqualTo(ChangebotCommand.USAGE);
    }

    @Test
    @DisplayName("--version names the program")
    void version() {
        var result = run("--version");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).startsWith("changebot ");
    }

    private static Result run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int exit = ChangebotCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(exit, out.toString(), err.toString());
    }

    record Result(int exit, String out, String err) {
    }
}
