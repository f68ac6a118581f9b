package dev.changebot.domain.change;

import java.util.Optional;
import java.util.regex.Pattern;

/** The human-readable, sequential id of a change within a workspace: {@code CHG-1}, {@code CHG-2}, ... */
public record ChangeId(long number) {

    private static final Pattern FORMAT = Pattern.compile("(?i)CHG-(\\d{1,18})");

    public ChangeId {
        if (number < 1) {
            throw new IllegalArgumentException("A change number starts at 1, got " + number);
        }
    }

    /** Reads "CHG-12" (any case); anything else is not a change id. */
    public static Optional<ChangeId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var matcher = FORMAT.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long number = Long.parseLong(matcher.group(1));
        return number < 1 ? Optional.empty() : Optional.of(new ChangeId(number));
    }

    @Override
    public String toString() {
        return "CHG-" + number;
    }
}
