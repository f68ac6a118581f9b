package dev.changebot.application.port;

/**
 * Asks for the Slack queues to be delivered soon: called once a message refresh or a notice was queued and
 * committed, so an idle node delivers it at once rather than at its next look.
 */
public interface SlackDeliveryWaking {

    void deliverSoon();
}
