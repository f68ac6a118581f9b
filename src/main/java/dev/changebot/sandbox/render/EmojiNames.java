package dev.changebot.sandbox.render;

import java.util.Map;
import java.util.Optional;

/**
 * The emoji the bot and its policies use, and the common ones a person reacts with, by Slack's
 * short name. A name not listed here stays as its {@code :name:} text, as Slack shows an unknown
 * custom emoji (and so "12:30:00" is never taken for an emoji).
 */
public final class EmojiNames {

    private static final Map<String, String> UNICODE = Map.ofEntries(
            Map.entry("white_check_mark", "\u2705"), Map.entry("heavy_check_mark", "\u2714\uFE0F"),
            Map.entry("ballot_box_with_check", "\u2611\uFE0F"), Map.entry("x", "\u274C"),
            Map.entry("heavy_multiplication_x", "\u2716\uFE0F"), Map.entry("heavy_minus_sign", "\u2796"),
            Map.entry("+1", "\uD83D\uDC4D"), Map.entry("thumbsup", "\uD83D\uDC4D"),
            Map.entry("-1", "\uD83D\uDC4E"), Map.entry("thumbsdown", "\uD83D\uDC4E"),
            Map.entry("eyes", "\uD83D\uDC40"), Map.entry("rocket", "\uD83D\uDE80"),
            Map.entry("warning", "\u26A0\uFE0F"), Map.entry("rotating_light", "\uD83D\uDEA8"),
            Map.entry("fire", "\uD83D\uDD25"), Map.entry("tada", "\uD83C\uDF89"),
            Map.entry("hourglass", "\u231B"), Map.entry("hourglass_flowing_sand", "\u23F3"),
            Map.entry("alarm_clock", "\u23F0"), Map.entry("stopwatch", "\u23F1\uFE0F"),
            Map.entry("lock", "\uD83D\uDD12"), Map.entry("unlock", "\uD83D\uDD13"),
            Map.entry("no_entry", "\u26D4"), Map.entry("no_entry_sign", "\uD83D\uDEAB"),
            Map.entry("snowflake", "\u2744\uFE0F"), Map.entry("writing_hand", "\u270D\uFE0F"),
            Map.entry("memo", "\uD83D\uDCDD"), Map.entry("calendar", "\uD83D\uDCC6"),
            Map.entry("red_circle", "\uD83D\uDD34"), Map.entry("large_green_circle", "\uD83D\uDFE2"),
            Map.entry("large_yellow_circle", "\uD83D\uDFE1"), Map.entry("white_circle", "\u26AA"),
            Map.entry("arrow_forward", "\u25B6\uFE0F"), Map.entry("arrow_right", "\u27A1\uFE0F"),
            Map.entry("leftwards_arrow_with_hook", "\u21A9\uFE0F"), Map.entry("rewind", "\u23EA"),
            Map.entry("construction", "\uD83D\uDEA7"), Map.entry("stop_sign", "\uD83D\uDED1"),
            Map.entry("information_source", "\u2139\uFE0F"), Map.entry("bulb", "\uD83D\uDCA1"),
            Map.entry("mag", "\uD83D\uDD0D"), Map.entry("package", "\uD83D\uDCE6"),
            Map.entry("clipboard", "\uD83D\uDCCB"), Map.entry("page_facing_up", "\uD83D\uDCC4"),
            Map.entry("bell", "\uD83D\uDD14"), Map.entry("speech_balloon", "\uD83D\uDCAC"),
            Map.entry("checkered_flag", "\uD83C\uDFC1"), Map.entry("zap", "\u26A1"),
            Map.entry("boom", "\uD83D\uDCA5"), Map.entry("link", "\uD83D\uDD17"),
            Map.entry("pray", "\uD83D\uDE4F"), Map.entry("heart", "\u2764\uFE0F"),
            Map.entry("raised_hands", "\uD83D\uDE4C"), Map.entry("ok_hand", "\uD83D\uDC4C"),
            Map.entry("thinking_face", "\uD83E\uDD14"), Map.entry("joy", "\uD83D\uDE02"),
            Map.entry("smile", "\uD83D\uDE04"), Map.entry("slightly_smiling_face", "\uD83D\uDE42"),
            Map.entry("question", "\u2753"), Map.entry("exclamation", "\u2757"),
            Map.entry("bust_in_silhouette", "\uD83D\uDC64"), Map.entry("busts_in_silhouette", "\uD83D\uDC65"),
            Map.entry("inbox_tray", "\uD83D\uDCE5"), Map.entry("outbox_tray", "\uD83D\uDCE4"),
            Map.entry("bar_chart", "\uD83D\uDCCA"), Map.entry("shield", "\uD83D\uDEE1\uFE0F"));


    private EmojiNames() {
    }

    public static Optional<String> unicode(String name) {
        return Optional.ofNullable(UNICODE.get(name));
    }
}
