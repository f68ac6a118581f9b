package dev.changebot.application.port;

import dev.changebot.domain.change.Change;
import java.util.List;

/**
 * The open changes of a workspace, read a bounded slice at a time: what lists and the App Home
 * show. Every question is answered from the open changes alone, so its cost follows the work in
 * flight, never the length of the history. Slices are in change-number order.
 */
public interface OpenChanges {

    /**
     * How many open changes there are, counting no further than {@code limit}: a count that stops
     * where the answer stops needing it, so a backlog without end costs no more than {@code limit}.
     */
    long countUpTo(String workspaceId, long limit);

    /** At most {@code limit} open changes, skipping the first {@code skip}. */
    List<Change> page(String workspaceId, int skip, int limit);

    /**
     * {@link #page} and {@link #countUpTo} (up to {@code countLimit}) answered together, from one
     * snapshot: what a list needs on every request, in one round trip instead of two in a transaction.
     */
    CountedPage countedPage(String workspaceId, int skip, int limit, long countLimit);

    /** A page of open changes and how many are open, counted no further than the limit asked for. */
    record CountedPage(List<Change> changes, long counted) {
    }

    /** Keyset: at most {@code limit} open changes numbered after {@code afterNumber}. */
    List<Change> after(String workspaceId, long afterNumber, int limit);

    /** How many open changes are numbered after {@code afterNumber}, counting no further than {@code limit}. */
    long countAfterUpTo(String workspaceId, long afterNumber, long limit);

    long countRequestedBy(String workspaceId, String requesterId);

    /** The first {@code limit} open changes {@code requesterId} asked for. */
    List<Change> requestedBy(String workspaceId, String requesterId, int limit);

    /** Keyset: at most {@code limit} changes awaiting approval numbered after {@code afterNumber}. */
    List<Change> awaitingApprovalAfter(String workspaceId, long afterNumber, int limit);

    /**
     * Keyset: at most {@code limit} changes numbered after {@code afterNumber} that still owe a follow-up,
     * open or finished (a rolled-back change owes its post-mortem after it has ended): work still in flight.
     */
    List<Change> owingFollowUpsAfter(String workspaceId, long afterNumber, int limit);
}
