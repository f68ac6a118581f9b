package dev.changebot.sandbox.workspace;

import com.google.gson.JsonArray;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Channels, their messages and threads, and ephemerals. Not thread-safe on its own: the
 * {@link Workspace} holds its lock around every use.
 */
final class Conversations {

    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final Map<String, List<Message>> messages = new LinkedHashMap<>();
    private final Map<String, List<Message>> replies = new LinkedHashMap<>();
    private final List<Ephemeral> ephemerals = new ArrayList<>();

    void add(Channel channel) {
        channels.putIfAbsent(channel.id(), channel);
        messages.putIfAbsent(channel.id(), new ArrayList<>());
    }

    Map<String, Channel> channels() {
        return channels;
    }

    /** A channel by id, by name (with or without '#'), or a person's id for their DM with the bot. */
    Channel find(String ref) {
        if (ref == null || ref.isBlank()) {
            throw new SlackRefusal("channel_not_found");
        }
        var byId = channels.get(ref);
        if (byId != null) {
            return byId;
        }
        var name = ref.startsWith("#") ? ref.substring(1) : ref;
        for (var channel : channels.values()) {
            if (!channel.isIm() && channel.name().equals(name)) {
                return channel;
            }
            if (channel.isIm() && channel.user().equals(ref)) {
                return channel;
            }
        }
        throw new SlackRefusal("channel_not_found");
    }

    Message post(Message message) {
        if (message.isReply()) {
            var parent = find(message.channel(), message.threadTs());
            if (parent != null) {
                replies.computeIfAbsent(key(message.channel(), message.threadTs()), k -> new ArrayList<>()).add(message);
                return message;
            }
            // Slack has no parent to hang it on either: it shows as a message of its own.
            message = new Message(message.channel(), message.ts(), message.user(), message.botId(), message.text(),
                    message.blocks(), null, message.reactions(), false);
        }
        messages.get(message.channel()).add(message);
        return message;
    }

    /** A message or a reply by its ts; null when there is none. */
    Message find(String channel, String ts) {
        for (var message : messages.getOrDefault(channel, List.of())) {
            if (message.ts().equals(ts)) {
                return message;
            }
        }
        for (var thread : replies.entrySet()) {
            if (thread.getKey().startsWith(channel + "/")) {
                for (var reply : thread.getValue()) {
                    if (reply.ts().equals(ts)) {
                        return reply;
                    }
                }
            }
        }
        return null;
    }

    void replace(Message old, Message updated) {
        var list = old.isReply() ? replies.get(key(old.channel(), old.threadTs())) : messages.get(old.channel());
        list.set(list.indexOf(old), updated);
    }

    void delete(Message message) {
        if (message.isReply()) {
            replies.get(key(message.channel(), message.threadTs())).remove(message);
        } else {
            messages.get(message.channel()).remove(message);
            replies.remove(key(message.channel(), message.ts()));
        }
    }

    int replyCount(Message message) {
        return replies.getOrDefault(key(message.channel(), message.ts()), List.of()).size();
    }

    void addEphemeral(Ephemeral ephemeral) {
        ephemerals.add(ephemeral);
    }

    /** Replaces an ephemeral (response_url's replace_original); false when there is none with that ts. */
    boolean replaceEphemeral(String user, String ts, String text, JsonArray blocks, boolean delete) {
        for (int i = 0; i < ephemerals.size(); i++) {
            var ephemeral = ephemerals.get(i);
            if (ephemeral.user().equals(user) && ephemeral.message().ts().equals(ts)) {
                if (delete) {
                    ephemerals.remove(i);
                } else {
                    ephemerals.set(i, new Ephemeral(user, ephemeral.message().edited(text, blocks)));
                }
                return true;
            }
        }
        return false;
    }

    Ephemeral ephemeral(String user, String ts) {
        return ephemerals.stream().filter(e -> e.user().equals(user) && e.message().ts().equals(ts)).findFirst().orElse(null);
    }

    Map<String, List<Message>> messages() {
        return messages;
    }

    Map<String, List<Message>> threads() {
        return replies;
    }

    List<Ephemeral> ephemeralsOf(String user) {
        return ephemerals.stream().filter(e -> e.user().equals(user)).toList();
    }

    static String key(String channel, String threadTs) {
        return channel + "/" + threadTs;
    }
}
