package dev.changebot.application.port;

/**
 * Tells the sequencer that a fact was recorded and committed, so it chains it soon rather than at
 * its next poll. Cheap and never blocking: it runs after the commit of a request's transaction.
 */
public interface AuditChaining {

    void chainSoon();
}
