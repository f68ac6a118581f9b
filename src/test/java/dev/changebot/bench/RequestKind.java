package dev.changebot.bench;

/** The kinds of request in the mixed traffic of issue 11, with their share of it. */
enum RequestKind {
    APPROVE_CLICK("approve click", true),
    APPROVE_REACTION("approve reaction", true),
    CHANGE_SHOW("/change show", false),
    CHANGE_LIST("/change list", false);

    private final String label;
    private final boolean approves;

    RequestKind(String label, boolean approves) {
        this.label = label;
        this.approves = approves;
    }

    String label() {
        return label;
    }

    /** Whether the request approves a pending change of its own (and so updates its message). */
    boolean approves() {
        return approves;
    }
}
