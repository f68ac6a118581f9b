package dev.changebot.domain.change;

/** A freshly requested change and the event that records it. */
public record RequestedChange(Change change, ChangeEvent.ChangeRequested event) {
}
