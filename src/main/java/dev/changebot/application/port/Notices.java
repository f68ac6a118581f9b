package dev.changebot.application.port;

import dev.changebot.domain.notice.Notice;

/**
 * Sends notices through the outbox: called inside the transaction that decided to send them, so
 * they are stored with that decision and delivered after it commits, even across a crash.
 */
public interface Notices {

    void send(Notice notice);
}
