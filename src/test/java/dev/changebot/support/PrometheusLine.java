package dev.changebot.support;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One line of the Prometheus text format read strictly ({@link PrometheusText} reads their order):
 * a sample's name, its labels with only the escapes the format allows, its value and timestamp; a
 * HELP text's escapes; legal names. Problems name the line.
 */
final class PrometheusLine {

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private PrometheusLine() {
    }

    static PrometheusText.Sample sample(String line, int number) {
        int at = 0;
        while (at < line.length() && line.charAt(at) != '{' && line.charAt(at) != ' ') {
            at++;
        }
        var name = name(line.substring(0, at), number);
        var labels = new LinkedHashMap<String, String>();
        if (at < line.length() && line.charAt(at) == '{') {
            at = labels(line, at + 1, number, labels);
        }
        if (at >= line.length() || line.charAt(at) != ' ') {
            throw error(number, "a sample's value must follow its name or labels after one space");
        }
        var rest = line.substring(at + 1).split(" ", -1);
        if (rest.length < 1 || rest.length > 2) {
            throw error(number, "a sample is a value and at most a timestamp");
        }
        if (rest.length == 2 && !rest[1].matches("-?[0-9]+")) {
            throw error(number, "the timestamp '" + rest[1] + "' is not milliseconds");
        }
        return new PrometheusText.Sample(name, Collections.unmodifiableMap(labels), value(rest[0], number));
    }

    /** Reads labels after '{' up to and past '}'; where the reading ended. */
    private static int labels(String line, int at, int number, Map<String, String> labels) {
        while (true) {
            if (at < line.length() && line.charAt(at) == '}') {
                return at + 1;
            }
            int equals = line.indexOf('=', at);
            if (equals < 0) {
                throw error(number, "a label has no '='");
            }
            var label = line.substring(at, equals);
            if (!LABEL_NAME.matcher(label).matches() || label.startsWith("__")) {
                throw error(number, "'" + label + "' is not a legal label name");
            }
            if (equals + 1 >= line.length() || line.charAt(equals + 1) != '"') {
                throw error(number, "the value of " + label + " is not quoted");
            }
            var value = new StringBuilder();
            int i = equals + 2;
            for (; i < line.length() && line.charAt(i) != '"'; i++) {
                char c = line.charAt(i);
                if (c == '\\') {
                    char next = i + 1 < line.length() ? line.charAt(++i) : ' ';
                    switch (next) {
                        case '\\' -> value.append('\\');
                        case '"' -> value.append('"');
                        case 'n' -> value.append('\n');
                        default -> throw error(number, "'\\" + next + "' is not an escape the format allows");
                    }
                } else {
                    value.append(c);
                }
            }
            if (i >= line.length()) {
                throw error(number, "the value of " + label + " is not closed");
            }
            if (labels.put(label, value.toString()) != null) {
                throw error(number, "the label " + label + " appears twice");
            }
            at = i + 1;
            if (at < line.length() && line.charAt(at) == ',') {
                at++;
            } else if (at >= line.length() || line.charAt(at) != '}') {
                throw error(number, "labels must be separated by ',' and closed by '}'");
            }
        }
    }

    static double value(String text, int number) {
        switch (text) {
            case "NaN":
                return Double.NaN;
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                if (!text.matches("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?")) {
                    throw error(number, "'" + text + "' is not a number");
                }
                return Double.parseDouble(text);
        }
    }

    static String name(String name, int number) {
        if (!METRIC_NAME.matcher(name).matches()) {
            throw error(number, "'" + name + "' is not a legal metric name");
        }
        return name;
    }

    static String unescapeHelp(String text, int number) {
        var out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = i + 1 < text.length() ? text.charAt(++i) : ' ';
            switch (next) {
                case '\\' -> out.append('\\');
                case 'n' -> out.append('\n');
                default -> throw error(number, "'\\" + next + "' is not an escape HELP allows");
            }
        }
        return out.toString();
    }

    static IllegalArgumentException error(int line, String problem) {
        return new IllegalArgumentException("line " + line + ": " + problem);
    }
}
