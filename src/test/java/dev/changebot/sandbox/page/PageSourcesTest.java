package dev.changebot.sandbox.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The page as it ships in the jar: its scripts never turn text into markup, and it loads nothing
 * from elsewhere (no CDN, no web fonts), so it works offline and no message can run in it.
 */
class PageSourcesTest {

    private static final List<String> SCRIPTS = List.of("blocks.js", "messages.js", "modals.js", "people.js", "sandbox.js");
    private static final List<String> FILES = List.of("index.html", "sandbox.css", "blocks.js", "messages.js", "modals.js",
            "people.js", "sandbox.js");

    private static String read(String file) throws IOException {
        try (InputStream in = PageSourcesTest.class.getResourceAsStream("/sandbox/" + file)) {
            assertThat(in).as("sandbox/" + file + " is on the class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    @DisplayName("no innerHTML, outerHTML, insertAdjacentHTML, document.write, eval or new Function in the scripts")
    void scriptsNeverParseTextAsMarkupOrCode() throws IOException {
        var sinks = Pattern.compile("innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\beval\\s*\\(|new\\s+Function\\s*\\("
                + "|setTimeout\\s*\\(\\s*[\"'`]|setInterval\\s*\\(\\s*[\"'`]");
        for (var file : SCRIPTS) {
            assertThat(sinks.matcher(read(file)).find()).as(file).isFalse();
        }
    }

    @Test
    void nothingIsLoadedFromAnotherOrigin() throws IOException {
        var external = Pattern.compile("(src|href)\\s*=\\s*[\"'](https?:)?//|@import|url\\(\\s*[\"']?(https?:)?//");
        for (var file : FILES) {
            assertThat(external.matcher(read(file)).find()).as(file).isFalse();
        }
    }

    @Test
    void theIndexLoadsItsOwnAssetsOnly() throws IOException {
        var index = read("index.html");
        assertThat(index).contains("/sandbox/assets/sandbox.css");
        SCRIPTS.forEach(script -> assertThat(index).contains("/sandbox/assets/" + script));
        assertThat(Pattern.compile("<script(?![^>]*\\ssrc=\"/sandbox/assets/)").matcher(index).find())
                .as("no inline script").isFalse();
    }
}
