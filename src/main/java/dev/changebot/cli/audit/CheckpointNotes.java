package dev.changebot.cli.audit;

import dev.changebot.domain.audit.Checkpoint;
import dev.changebot.domain.audit.SignedNote;
import java.util.Optional;

/** The chain a signed checkpoint note names, when it can be read at all. */
final class CheckpointNotes {

    private CheckpointNotes() {
    }

    static Optional<String> chainOf(String note) {
        try {
            return Checkpoint.parse(SignedNote.parse(note).text()).chainId();
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }
}
