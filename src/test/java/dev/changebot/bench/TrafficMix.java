package dev.changebot.bench;

import dev.changebot.domain.change.ChangeId;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import dev.changebot.support.SlackPayloads;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The mixed traffic of issue 11 — approve clicks 30 %, approve reactions 30 %, {@code /change show}
 * 20 %, {@code /change list} 20 % — as one fixed sequence, so every server gets the same requests in
 * the same order. Every approval is on a different pending change, on that change's own message.
 */
final class TrafficMix {

    /** Ten requests in the shares above, interleaved so that no stretch of the run is all one kind. */
    private static final List<RequestKind> PATTERN = List.of(
            RequestKind.APPROVE_CLICK, RequestKind.APPROVE_REACTION, RequestKind.CHANGE_SHOW,
            RequestKind.APPROVE_CLICK, RequestKind.APPROVE_REACTION, RequestKind.CHANGE_LIST,
            RequestKind.APPROVE_CLICK, RequestKind.APPROVE_REACTION, RequestKind.CHANGE_SHOW,
            RequestKind.CHANGE_LIST);
    static final String REVIEWER = "U0REVIEW";
    /** The test policy sets no approve_reaction: Changebot's default is the one that counts. */
    static final String APPROVE_EMOJI = "white_check_mark";
    private static final String COMMAND_CHANNEL = "C0BENCHCMD";

    /** One request of the sequence: its kind and the change it is about (0 for a list). */
    record PlannedRequest(RequestKind kind, int change) {
    }

    private TrafficMix() {
    }

    /**
     * The requests of each phase, in order: {@code counts[p]} of them for phase p, mixed. Approvals
     * take changes 1, 2, 3... in turn; a show names one of the {@code pending} changes, spread over all.
     */
    static List<List<PlannedRequest>> plan(int[] counts, int pending) {
        var planner = new Planner(pending);
        var phases = new ArrayList<List<PlannedRequest>>();
        for (int count : counts) {
            phases.add(planner.mixed(count));
        }
        return phases;
    }

    /** Plans phases one after another, so that no two approvals, in any phase, share a change. */
    static final class Planner {

        private final int pending;
        private int nextToApprove = 1;
        private int sequence;

        Planner(int pending) {
            this.pending = pending;
        }

        /** {@code count} requests in the mixed shares. */
        List<PlannedRequest> mixed(int count) {
            var requests = new ArrayList<PlannedRequest>(count);
            for (int i = 0; i < count; i++) {
                requests.add(next(PATTERN.get(sequence % PATTERN.size())));
            }
            return requests;
        }

        /** {@code count} requests all of one kind: what that kind costs on its own. */
        List<PlannedRequest> only(RequestKind kind, int count) {
            var requests = new ArrayList<PlannedRequest>(count);
            for (int i = 0; i < count; i++) {
                requests.add(next(kind));
            }
            return requests;
        }

        private PlannedRequest next(RequestKind kind) {
            int change = switch (kind) {
                case APPROVE_CLICK, APPROVE_REACTION -> nextToApprove++;
                case CHANGE_SHOW -> (int) ((sequence * 7919L) % pending) + 1;
                case CHANGE_LIST -> 0;
            };
            sequence++;
            if (nextToApprove > pending + 1) {
                throw new IllegalStateException("More approvals planned than the " + pending + " pending changes");
            }
            return new PlannedRequest(kind, change);
        }
    }

    /** How many pending changes a run of these phases approves. */
    static int approvalsIn(int[] counts) {
        int total = 0;
        for (int count : counts) {
            total += count;
        }
        long approving = PATTERN.stream().filter(RequestKind::approves).count();
        return (int) ((total + PATTERN.size() - 1) / PATTERN.size() * approving);
    }

    /**
     * The n-th change form is sent from a channel of its own: Slack takes about one post a second per
     * channel, and so does the outbox, so thousands of messages in one channel would take an hour.
     */
    static String channelOf(int change) {
        return "C0BENCH" + change;
    }

    /** The body Slack would send for {@code request}, and its content type. */
    static Body body(PlannedRequest request, Map<Integer, PendingChanges.Message> messages, String eventIdPrefix,
                     int sequence) {
        var message = messages.get(request.change());
        return switch (request.kind()) {
            case APPROVE_CLICK -> new Body(SlackPayloads.buttonClick(REVIEWER, message.channel(), message.ts(),
                    SlackIds.APPROVE_BUTTON, ChangeRef.of(new ChangeId(request.change())).encode()), SlackPayloads.FORM);
            case APPROVE_REACTION -> new Body(SlackPayloads.reaction(eventIdPrefix + sequence, true, REVIEWER,
                    APPROVE_EMOJI, message.channel(), message.ts(),
                    System.currentTimeMillis() / 1000 + "." + String.format("%06d", sequence % 1_000_000)),
                    SlackPayloads.JSON);
            case CHANGE_SHOW -> new Body(SlackPayloads.slashCommand(REVIEWER, COMMAND_CHANNEL,
                    "show CHG-" + request.change()), SlackPayloads.FORM);
            case CHANGE_LIST -> new Body(SlackPayloads.slashCommand(REVIEWER, COMMAND_CHANNEL, "list"),
                    SlackPayloads.FORM);
        };
    }

    record Body(String text, String contentType) {
    }
}
