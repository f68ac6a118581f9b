package dev.changebot.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A strict reader of the Prometheus text exposition format 0.0.4, written to the format's
 * specification rather than to what one library happens to write: every line must be a HELP, a TYPE,
 * a comment or a sample; names and label names must be legal; label values must be quoted with only
 * the three escapes the format allows; a family is typed once, before its samples, and its samples
 * carry its name with only the suffixes its type allows; no series appears twice; a histogram's
 * buckets are cumulative, end at +Inf and agree with its count. Anything else is an error naming the
 * line, so a broken scrape fails a test instead of being half-read.
 */
public final class PrometheusText {

    public record Sample(String name, Map<String, String> labels, double value) {
    }

    public record Family(String name, String type, String help, List<Sample> samples) {
    }

    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    private final Map<String, Family> families;

    private PrometheusText(Map<String, Family> families) {
        this.families = Collections.unmodifiableMap(families);
    }

    public Map<String, Family> families() {
        return families;
    }

    public Optional<Family> family(String name) {
        return Optional.ofNullable(families.get(name));
    }

    /** Every sample's name (a histogram's name_bucket, name_count, name_sum among them). */
    public Set<String> sampleNames() {
        var names = new HashSet<String>();
        families.values().forEach(f -> f.samples().forEach(s -> names.add(s.name())));
        return names;
    }

    /** The one sample of {@code name} whose labels include {@code labels}; an error when there is not exactly one. */
    public double value(String name, Map<String, String> labels) {
        var found = families.values().stream().flatMap(f -> f.samples().stream())
                .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet())).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " samples of " + name + " with " + labels + ", not one: " + found);
        }
        return found.get(0).value();
    }

    /** The sample's value, or 0 when there is no such series (a counter not yet incremented anywhere). */
    public double valueOrZero(String name, Map<String, String> labels) {
        var found = families.values().stream().flatMap(f -> f.samples().stream())
                .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet())).toList();
        return found.isEmpty() ? 0 : value(name, labels);
    }

    /** GET /metrics of {@code app}, checked to be the text format and parsed. */
    public static PrometheusText scrape(RunningApp app) {
        var response = app.get("/metrics");
        if (response.statusCode() != 200) {
            throw new AssertionError("GET /metrics answered " + response.statusCode() + ": " + response.body());
        }
        var type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("text/plain") || !type.contains("version=0.0.4")) {
            throw new AssertionError("GET /metrics is not the Prometheus text format 0.0.4: " + type);
        }
        return parse(response.body());
    }

    public static PrometheusText parse(String text) {
        var families = new LinkedHashMap<String, Family>();
        var helps = new LinkedHashMap<String, String>();
        var seenSeries = new HashSet<String>();
        String[] lines = text.split("\n", -1);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("the exposition does not end with a line feed");
        }
        for (int i = 0; i < lines.length; i++) {
            var line = lines[i];
            int number = i + 1;
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                comment(line, number, families, helps);
                continue;
            }
            var sample = PrometheusLine.sample(line, number);
            var family = familyOf(sample.name(), families)
                    .orElseThrow(() -> error(number, "sample " + sample.name() + " comes before, or without, its # TYPE"));
            var series = sample.name() + new TreeMap<>(sample.labels());
            if (!seenSeries.add(series)) {
                throw error(number, "the series " + series + " appears twice");
            }
            family.samples().add(sample);
        }
        var done = new LinkedHashMap<String, Family>();
        families.forEach((name, f) -> {
            var complete = new Family(name, f.type(), helps.get(name), List.copyOf(f.samples()));
            if (complete.type().equals("histogram")) {
                checkHistogram(complete);
            }
            done.put(name, complete);
        });
        return new PrometheusText(done);
    }

    private static void comment(String line, int number, Map<String, Family> families, Map<String, String> helps) {
        var parts = line.split(" ", 4);
        if (parts.length >= 3 && parts[0].equals("#") && parts[1].equals("TYPE")) {
            if (parts.length != 4 || !TYPES.contains(parts[3])) {
                throw error(number, "a TYPE line must name a family and one of " + TYPES);
            }
            PrometheusLine.name(parts[2], number);
            if (families.containsKey(parts[2])) {
                throw error(number, "the family " + parts[2] + " is typed twice");
            }
            families.put(parts[2], new Family(parts[2], parts[3], null, new ArrayList<>()));
        } else if (parts.length >= 3 && parts[0].equals("#") && parts[1].equals("HELP")) {
            PrometheusLine.name(parts[2], number);
            if (helps.put(parts[2], parts.length == 4 ? PrometheusLine.unescapeHelp(parts[3], number) : "") != null) {
                throw error(number, "the family " + parts[2] + " has two HELP lines");
            }
        }
        // Any other line starting with # is a comment, which the format allows.
    }

    /** The family a sample belongs to: its own name, or the name without a suffix its type allows. */
    private static Optional<Family> familyOf(String sampleName, Map<String, Family> families) {
        var exact = families.get(sampleName);
        if (exact != null && !exact.type().equals("histogram") && !exact.type().equals("summary")) {
            return Optional.of(exact);
        }
        for (var suffix : List.of("_bucket", "_count", "_sum", "_total", "_created")) {
            if (!sampleName.endsWith(suffix)) {
                continue;
            }
            var family = families.get(sampleName.substring(0, sampleName.length() - suffix.length()));
            if (family == null) {
                continue;
            }
            boolean allowed = switch (family.type()) {
                case "histogram" -> !suffix.equals("_total");
                case "summary" -> suffix.equals("_count") || suffix.equals("_sum") || suffix.equals("_created");
                case "counter" -> suffix.equals("_total") || suffix.equals("_created");
                default -> false;
            };
            if (allowed) {
                return Optional.of(family);
            }
        }
        // A summary's quantiles carry the family's own name.
        return exact != null && exact.type().equals("summary") ? Optional.of(exact) : Optional.empty();
    }

    /** Per series (labels but le): buckets cumulative, a +Inf bucket, and that bucket equal to the count. */
    private static void checkHistogram(Family family) {
        var buckets = new LinkedHashMap<Map<String, String>, List<Sample>>();
        var counts = new LinkedHashMap<Map<String, String>, Double>();
        for (var sample : family.samples()) {
            if (sample.name().equals(family.name() + "_bucket")) {
                if (!sample.labels().containsKey("le")) {
                    throw new IllegalArgumentException(family.name() + ": a bucket without le");
                }
                var series = new TreeMap<>(sample.labels());
                series.remove("le");
                buckets.computeIfAbsent(series, k -> new ArrayList<>()).add(sample);
            } else if (sample.name().equals(family.name() + "_count")) {
                counts.put(new TreeMap<>(sample.labels()), sample.value());
            }
        }
        buckets.forEach((series, list) -> {
            double previousBound = Double.NEGATIVE_INFINITY;
            double previousCount = 0;
            for (var bucket : list) {
                double bound = PrometheusLine.value(bucket.labels().get("le"), 0);
                if (bound <= previousBound || bucket.value() < previousCount) {
                    throw new IllegalArgumentException(family.name() + series + ": buckets not in order or not cumulative");
                }
                previousBound = bound;
                previousCount = bucket.value();
            }
            if (previousBound != Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(family.name() + series + ": no +Inf bucket");
            }
            var count = counts.get(series);
            if (count == null || count != previousCount) {
                throw new IllegalArgumentException(family.name() + series + ": the +Inf bucket (" + previousCount
                        + ") is not the count (" + count + ")");
            }
        });
    }

    private static IllegalArgumentException error(int line, String problem) {
        return PrometheusLine.error(line, problem);
    }
}
