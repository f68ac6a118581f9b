package dev.changebot.domain.notice;

/** Where a notice goes: to one person privately, to a channel, or under the change's own message. */
public sealed interface Recipient {

    /** The person's user id, or the channel posted in: by its id or its name, the change's channel for its thread. */
    String address();

    /** A direct message to one person. */
    record Person(String userId) implements Recipient {

        @Override
        public String address() {
            return userId;
        }
    }

    /** A post in a channel, by its id or its name, not under any message. */
    record Channel(String channel) implements Recipient {

        @Override
        public String address() {
            return channel;
        }
    }

    /**
     * A reply under the change's message, where its people follow it; while the change has no
     * message, a plain post in {@code channelId}, the channel it was asked for in.
     */
    record ChangeThread(String channelId) implements Recipient {

        @Override
        public String address() {
            return channelId;
        }
    }
}
