package dev.changebot.application;

/** Tells the change's channel that a soak ended and what is allowed next. */
public interface SoakNotices {

    void soakCompleted(ChangeView change, String environment);
}
