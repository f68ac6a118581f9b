package dev.changebot.slack.view;

/**
 * Slack's documented Block Kit limits. Slack rejects a whole message or view when one of them is
 * exceeded (the person then sees nothing at all), so every builder stays within them. Lengths are
 * counted in UTF-16 units, which is never less than what Slack counts.
 */
public final class SlackLimits {

    public static final int MESSAGE_BLOCKS = 50;
    public static final int VIEW_BLOCKS = 100;
    public static final int SECTION_TEXT = 3000;
    public static final int SECTION_FIELDS = 10;
    public static final int FIELD_TEXT = 2000;
    public static final int HEADER_TEXT = 150;
    public static final int CONTEXT_ELEMENTS = 10;
    public static final int ACTIONS_ELEMENTS = 25;
    public static final int BUTTON_TEXT = 75;
    public static final int BUTTON_VALUE = 2000;
    public static final int ACTION_ID = 255;
    public static final int SELECT_OPTIONS = 100;
    public static final int OPTION_TEXT = 75;
    public static final int OPTION_VALUE = 150;
    public static final int MODAL_TITLE = 24;
    public static final int MODAL_BUTTON = 24;
    public static final int PRIVATE_METADATA = 3000;
    public static final int CALLBACK_ID = 255;
    public static final int TEXT_INPUT = 3000;
    public static final int INPUT_LABEL = 2000;
    public static final int HINT = 2000;
    public static final int CONFIRM_TITLE = 100;
    /**
     * A message's {@code text} is cut by Slack after 40,000 characters; ours stays far below so the
     * end of it (where "and N more" is said) is never lost.
     */
    public static final int MESSAGE_TEXT = 12_000;

    private SlackLimits() {
    }
}
