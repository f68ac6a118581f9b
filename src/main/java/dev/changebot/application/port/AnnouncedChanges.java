package dev.changebot.application.port;

import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeEvent;
import dev.changebot.domain.change.Changes;

/**
 * A command's last event stored with its change and the change's message queued for a refresh, in the
 * caller's transaction: {@link Changes#update} then {@link ChangeAnnouncer#changed}, in one write where
 * the store can do both (a round trip less on every approval, docs/performance/ack-path-sessions.md, seventh session).
 */
public interface AnnouncedChanges {

    void updateAndAnnounce(Change change, ChangeEvent event);

    /** The two, one after the other: for stores that cannot do both at once. */
    static AnnouncedChanges of(Changes changes, ChangeAnnouncer announcer) {
        return (change, event) -> {
            changes.update(change, event);
            announcer.changed(change);
        };
    }
}
