package dev.changebot.domain.change;

import java.util.Locale;
import java.util.Optional;

/** The requester's own assessment of how risky a change is. */
public enum Risk {
    LOW, MEDIUM, HIGH;

    public static Optional<Risk> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException notARisk) {
            return Optional.empty();
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
