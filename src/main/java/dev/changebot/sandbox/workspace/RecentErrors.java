package dev.changebot.sandbox.workspace;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The Web API calls the sandbox refused, the newest {@value #KEPT}, for the page to show. Not synchronized:
 * the workspace calls it under its lock.
 */
final class RecentErrors {

    static final int KEPT = 50;

    private final Deque<ApiError> errors = new ArrayDeque<>();

    void add(ApiError error) {
        errors.addLast(error);
        while (errors.size() > KEPT) {
            errors.removeFirst();
        }
    }

    List<ApiError> list() {
        return List.copyOf(errors);
    }
}
