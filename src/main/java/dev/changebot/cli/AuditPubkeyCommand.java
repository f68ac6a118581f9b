package dev.changebot.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code audit pubkey}: the verifier key an auditor checks checkpoints with. */
@Command(name = "pubkey", mixinStandardHelpOptions = true,
        description = "Print the verifier key of the checkpoint signing key (name+id+key), for `audit verify --pubkey`.")
final class AuditPubkeyCommand implements Callable<Integer> {

    @CommandLine.Mixin
    KeyOptions key = new KeyOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var file = key.file();
        if (!file.exists()) {
            spec.commandLine().getErr().println("No signing key at " + file.location() + ": the bot creates it at its"
                    + " first start; name another with --key-file or CHANGEBOT_AUDIT_KEY_FILE.");
            return ChangebotCommand.UNUSABLE_INPUT;
        }
        try {
            spec.commandLine().getOut().println(file.load(key.name()).verifierKey());
            return ChangebotCommand.OK;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("The signing key " + file.location() + " cannot be used: " + e.getMessage());
            return ChangebotCommand.UNUSABLE_INPUT;
        }
    }
}
