package dev.changebot.domain.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A change as the evidence pack shows it: what its row holds now, and its audit trail in order.
 * {@code messageChannel}/{@code messageTs} locate its message in Slack.
 */
public record ChangeRecord(long number, String className, String title, Optional<String> systems, String requesterId,
                           Instant requestedAt, String state, Optional<String> messageChannel,
                           Optional<String> messageTs, List<FollowUpRecord> followUps, List<RecordedEvent> events) {

    public ChangeRecord {
        followUps = List.copyOf(followUps);
        events = List.copyOf(events);
    }

    public String id() {
        return "CHG-" + number;
    }

    public boolean emergency() {
        return events.stream().anyMatch(e -> e.is("EmergencyDeclared"));
    }

    public List<RecordedEvent> eventsOf(String type) {
        return events.stream().filter(e -> e.is(type)).toList();
    }

    public Optional<RecordedEvent> first(String... types) {
        return events.stream().filter(e -> List.of(types).contains(e.type())).findFirst();
    }

    /**
     * Where the change's message is, as a Slack link ({@code https://slack.com/archives/C…/p…}, which
     * Slack opens in the reader's own workspace); empty when it was never posted.
     */
    public Optional<String> permalink() {
        if (messageChannel.isEmpty() || messageTs.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("https://slack.com/archives/" + messageChannel.get() + "/p" + messageTs.get().replace(".", ""));
    }
}
