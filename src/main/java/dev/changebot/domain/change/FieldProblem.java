package dev.changebot.domain.change;

/** One thing wrong with one field of a change request, phrased for the person who typed it. */
public record FieldProblem(ChangeField field, String message) {
}
