package dev.changebot.application;

/** The worker's side of the notices: each is delivered once. */
public interface NoticeOutbox extends DeliveryQueue<NoticeOutbox.Queued> {

    record Queued(long id, Notice notice, int attempts) {
    }
}
