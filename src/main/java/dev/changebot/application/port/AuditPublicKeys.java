package dev.changebot.application.port;

import java.util.List;

/**
 * The verifier keys checkpoints are signed with (the current one first), as the evidence pack's
 * public-key.txt lists them; empty when this installation has no signing key.
 */
public interface AuditPublicKeys {

    List<String> verifierKeys();
}
