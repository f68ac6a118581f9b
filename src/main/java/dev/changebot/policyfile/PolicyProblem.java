package dev.changebot.policyfile;

/**
 * One thing wrong with a policy file, located like a compiler error: what is wrong and how to
 * fix it, at a line and column (both 1-based).
 */
public record PolicyProblem(String file, int line, int column, String message, String hint) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message + (hint == null || hint.isEmpty() ? "" : " (" + hint + ")");
    }
}
