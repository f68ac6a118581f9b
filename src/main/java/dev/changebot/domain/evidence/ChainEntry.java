package dev.changebot.domain.evidence;

/** One entry of the workspace's audit chain, as stored: the pack copies it verbatim into audit.jsonl. */
public record ChainEntry(String chain, long seq, byte[] prev, byte[] hash, String body) {
}
