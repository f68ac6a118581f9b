package dev.changebot.domain.change;

/** What a durable timer of a change is for; the name is what the database keeps. */
public enum TimerKind {

    /** A soak in an environment (or between rollout steps) runs out: the next stage is allowed. */
    SOAK_END,
    /** A follow-up of an emergency is due soon: its people are reminded. */
    FOLLOW_UP_REMINDER,
    /** A follow-up's deadline: missed, if still open. */
    FOLLOW_UP_DUE
}
