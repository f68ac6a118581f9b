package dev.changebot.slack.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HelpTextTest {

    @Test
    @DisplayName("placeholders are escaped: Slack would read a bare <reason> as a link")
    void placeholdersAreEscaped() {
        assertThat(HelpText.text()).doesNotContain("<", ">")
                .contains("/change reject CHG-n &lt;reason&gt;", "/change emergency &lt;summary&gt;");
    }
}
