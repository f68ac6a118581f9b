package dev.changebot.api;

/**
 * Folds iCalendar text as RFC 5545 §3.1 says: in octets. ical4j folds at 73 characters, which a line of
 * accented or non-Latin text turns into well over 75 octets; it writes unfolded and this folds.
 */
final class OctetFolding {

    private OctetFolding() {
    }

    /**
     * RFC 5545 §3.1: lines of at most 75 octets, continued after CRLF and a space, never splitting a
     * UTF-8 character (a continuation's space counts towards its 75).
     */
    static String fold(String unfolded) {
        var folded = new StringBuilder(unfolded.length() + unfolded.length() / 50);
        for (var line : unfolded.split("\r\n", -1)) {
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int codePoint = line.codePointAt(i);
                int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
                if (octets + size > 75) {
                    folded.append("\r\n ");
                    octets = 1;
                }
                folded.appendCodePoint(codePoint);
                octets += size;
                i += Character.charCount(codePoint);
            }
            folded.append("\r\n");
        }
        // split keeps the empty piece after the last CRLF: one CRLF too many at the end.
        folded.setLength(folded.length() - 2);
        return folded.toString();
    }
}
