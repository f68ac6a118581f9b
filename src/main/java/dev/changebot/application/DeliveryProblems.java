package dev.changebot.application;

/** Telling people that something they did could not be shown to the team. */
public interface DeliveryProblems {

    /** The change is recorded but its message could not be posted, for good; its requester hears why. */
    void notAnnounced(ChangeView view, String problem);
}
