package dev.changebot.policyfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of broken policy files. Each file states, in "# expect: LINE:COLUMN message|hint"
 * comments, every problem the checker must report at that exact position: all of them, at once.
 */
class BrokenPolicyFilesTest {

    static final Path CORPUS = Path.of("src/test/resources/policies/broken");

    static Stream<Path> brokenFiles() throws IOException {
        return Files.list(CORPUS).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    @DisplayName("every stated problem is reported, at its line and column, with a hint")
    void reportsEveryProblemWhereItIs(Path file) throws IOException {
        var text = Files.readString(file);
        var expectations = text.lines().filter(l -> l.startsWith("# expect: ")).map(Expectation::parse).toList();
        assertThat(expectations).as("the file states what it expects").isNotEmpty();

        var load = PolicyReader.read(file.getFileName().toString(), text);

        assertThat(load).isInstanceOf(PolicyLoad.Invalid.class);
        List<PolicyProblem> problems = ((PolicyLoad.Invalid) load).problems();
        for (var expected : expectations) {
            assertThat(problems).as("%s expected at %d:%d in %s", expected.message(), expected.line(),
                    expected.column(), problems).anySatisfy(p -> {
                        assertThat(p.line()).isEqualTo(expected.line());
                        assertThat(p.column()).isEqualTo(expected.column());
                        assertThat(p.message()).contains(expected.message());
                        assertThat(p.hint()).contains(expected.hint());
                    });
        }
        assertThat(problems).allSatisfy(p -> assertThat(p.toString()).startsWith(file.getFileName() + ":"));
    }

    record Expectation(int line, int column, String message, String hint) {

        static Expectation parse(String comment) {
            var body = comment.substring("# expect: ".length());
            var position = body.substring(0, body.indexOf(' ')).split(":");
            var rest = body.substring(body.indexOf(' ') + 1);
            var bar = rest.indexOf('|');
            return new Expectation(Integer.parseInt(position[0]), Integer.parseInt(position[1]),
                    bar < 0 ? rest : rest.substring(0, bar), bar < 0 ? "" : rest.substring(bar + 1));
        }
    }
}
