package dev.changebot.policyfile;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean ...?" for misspelt keys and names: the closest known word within two edits. */
final class Suggestions {

    private Suggestions() {
    }

    static String hint(String typed, Collection<String> known, String what) {
        var close = closest(typed, known);
        var listing = "known " + what + ": " + String.join(", ", known.stream().sorted().toList());
        return close.map(c -> "did you mean '" + c + "'? " + listing).orElse(listing);
    }

    static Optional<String> closest(String typed, Collection<String> known) {
        return known.stream()
                .filter(k -> distance(typed.toLowerCase(), k.toLowerCase()) <= 2)
                .min(Comparator.comparingInt(k -> distance(typed.toLowerCase(), k.toLowerCase())));
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
