package dev.changebot.domain.evidence;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 text: CRLF line ends, a field quoted when it holds a comma, a quote, CR or LF, quotes
 * doubled. Small enough to write here; the tests read the files back with Apache Commons CSV.
 */
final class Csv {

    private final StringBuilder text = new StringBuilder();

    Csv(List<String> header) {
        row(header);
    }

    Csv row(List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            field(fields.get(i) == null ? "" : fields.get(i));
        }
        text.append("\r\n");
        return this;
    }

    byte[] bytes() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void field(String value) {
        // A leading =, +, - or @ makes spreadsheets run the cell as a formula: user text (titles,
        // justifications) is written as text, with a leading apostrophe, as OWASP advises.
        var safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d.*")
                ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\r") || safe.contains("\n")) {
            text.append('"').append(safe.replace("\"", "\"\"")).append('"');
        } else {
            text.append(safe);
        }
    }
}
