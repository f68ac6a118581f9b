package dev.changebot.domain.change;

/** A declared emergency and the event that records it. */
public record DeclaredEmergency(Change change, ChangeEvent.EmergencyDeclared event) {
}
