package dev.changebot.application.port;

/**
 * Asks for pending gate checks to be decided again soon: called once something was recorded and
 * committed (an approval, a deployment, a freeze), so a waiting pipeline hears within a second.
 */
public interface GateSettling {

    void settleSoon();
}
