package dev.changebot.domain.evidence;

import java.time.Instant;

/**
 * A conflict between two changes as recorded when it was found (change_conflict): {@code change} is the one
 * whose request found it, planned over {@code otherChange}'s window; {@code kind} as people read it ("same
 * service"); {@code policy} the requesting class's {@code conflicts:} setting then (warn or block).
 */
public record ConflictRecord(String change, String otherChange, String kind, Instant overlapStart, Instant overlapEnd,
                             Instant detectedAt, String policy) {
}
