package dev.changebot.policyfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The complete example in docs/policy.md is a valid policy, so the documentation cannot drift. */
class DocumentedExampleTest {

    @Test
    @DisplayName("the annotated example in docs/policy.md loads without a problem")
    void documentedExampleIsValid() throws IOException {
        var doc = Files.readString(Path.of("docs/policy.md"));
        var section = doc.substring(doc.indexOf("## A complete example"));
        var start = section.indexOf("```yaml\n") + "```yaml\n".length();
        var example = section.substring(start, section.indexOf("\n```", start));

        var load = PolicyReader.read("docs/policy.md", example);

        assertThat(load).as(String.valueOf(load)).isInstanceOf(PolicyLoad.Loaded.class);
    }
}
