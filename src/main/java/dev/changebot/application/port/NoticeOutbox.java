package dev.changebot.application.port;

import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.notice.Notice;
import dev.changebot.domain.notice.Recipient;
import java.util.Optional;

/** The worker's side of the notices: each is delivered once. */
public interface NoticeOutbox extends DeliveryQueue<NoticeOutbox.Queued> {

    /** A notice waiting for delivery, and where it goes: to a channel or a user, or under the change's message. */
    sealed interface Queued {

        long id();

        int attempts();

        String workspaceId();

        /** The change it is about; empty for the few notices about none. */
        Optional<ChangeId> changeId();

        /** A channel, or a user id for a direct message; where it goes when it is not under the change's message. */
        String to();

        /** Under the change's message when it has one. */
        boolean inChangeThread();

        /** Whether it waits while change messages of its channel are still to be posted ({@link dev.changebot.domain.notice.NoticeFacts#yieldsToChangeMessages}). */
        default boolean yieldsToChangeMessages() {
            return false;
        }
    }

    /** A notice stored as its facts, written for the chat platform when it is delivered. */
    record QueuedNotice(long id, Notice notice, int attempts) implements Queued {

        @Override
        public String workspaceId() {
            return notice.workspaceId();
        }

        @Override
        public Optional<ChangeId> changeId() {
            return notice.changeId();
        }

        @Override
        public String to() {
            return notice.recipient().address();
        }

        @Override
        public boolean inChangeThread() {
            return notice.recipient() instanceof Recipient.ChangeThread;
        }

        @Override
        public boolean yieldsToChangeMessages() {
            return notice.facts().yieldsToChangeMessages();
        }
    }

    /** A notice queued before notices were stored as facts: its text, already written for the chat platform. */
    record QueuedText(long id, String workspaceId, Optional<ChangeId> changeId, String to, boolean inChangeThread, String text,
                      int attempts) implements Queued {
    }
}
