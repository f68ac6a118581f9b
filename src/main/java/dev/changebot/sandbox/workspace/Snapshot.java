package dev.changebot.sandbox.workspace;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One person's view of the workspace at one version: what the page draws. */
public record Snapshot(long version, Instant now, List<Person> people, List<Group> groups, List<Channel> channels,
                       Map<String, List<Message>> messages, Map<String, List<Message>> threads,
                       Map<String, Integer> replyCounts, List<Ephemeral> ephemerals, List<OpenView> views,
                       OpenView home, List<ApiError> errors) {
}
