package dev.changebot.domain.evidence;

import java.time.Instant;
import java.util.List;

/** README.txt: what the pack is, what each file holds, and how an auditor verifies it. */
final class PackReadme {

    private PackReadme() {
    }

    static String text(String workspaceId, PackSummary summary, Instant exportedAt, String exportedBy, boolean keys) {
        return """
                Changebot evidence pack
                =======================
                Workspace (audit chain id): %s
                Period: %s
                Exported: %s by %s

                %s

                Files
                -----
                changes.csv     the population: one row per change requested or declared in the period
                                (by its creation time in the policy's time zone), ids in order.
                approvals.csv   every approval (step, role held, approver, time, given by button,
                                reaction or command), withdrawal, rejection and pre-approval.
                exceptions.csv  the exceptions log: overrides with their justification and signers,
                                emergencies, follow-ups (post-hoc reviews) met late or not met,
                                and deployments reported with no approved change or allowed gate
                                check behind them ("unauthorized deployment").
                incidents.csv   every incident open at any time in the period (INC-n, its tool and
                                that tool's id, severity, services, when triggered, acknowledged,
                                resolved), with the changes linked as its remediation or cause.
                conflicts.csv   each conflict between two changes found in the period (same service,
                                same system, dependency, rollout in progress, same person): both
                                changes, the time they share, when it was found, and whether the
                                requesting class's policy warned or blocked.
                audit.jsonl     the whole hash-chained audit log of the workspace from its first
                                entry (not only the period): every link is needed to verify it.
                checkpoint.txt  %s
                public-key.txt  %s
                Times are UTC (ISO 8601). "unknown" marks what rows recorded before Changebot kept it
                did not record (how an approval was given, the roles it counted for).

                How to verify
                -------------
                1. java -jar changebot.jar audit verify --pack <this zip> --pubkey public-key.txt
                   (add --checkpoint FILE with a checkpoint copied from the audit channel in Slack:
                   it proves the log was not cut short after it was posted).
                   Exit 0: every entry's hash recomputes and links, no sequence gap, checkpoint
                   signatures valid. 1: tampered (the first break is named). 2: unusable input.
                2. Check the public key against the one Changebot's operators published (the key
                   command or /health), not only the copy in this pack.
                3. Sample rows of changes.csv; for each, find its approvals in approvals.csv
                   (approver is not the requester, the role was held, approved before started and
                   deployed) and its entries in audit.jsonl (search the body for "change":"CHG-n").
                4. For every emergency, check its follow-ups: exceptions.csv lists those met late or
                   not at all.
                """.formatted(workspaceId, summary.period().describe() + " [" + summary.period().label() + "]",
                exportedAt, exportedBy, summary.text(),
                checkpoint(summary),
                keys ? "the key(s) checkpoints are signed with, the current one first."
                        : "no public key was available to this export: the file is empty; get\n"
                        + "                the key from Changebot's operators.");
    }

    private static String checkpoint(PackSummary summary) {
        var indent = "\n                ";
        if (summary.checkpointCovers() == 0) {
            return "no checkpoint has been signed yet: the file is empty, and the log" + indent
                    + "can only be checked for internal consistency.";
        }
        if (summary.fullyCovered()) {
            return "a signed checkpoint (a signed note, verbatim) of the chain exactly as" + indent
                    + "exported: it covers every entry of audit.jsonl, 1 to " + summary.checkpointCovers() + ".";
        }
        return "the newest signed checkpoint (a signed note, verbatim). It covers" + indent
                + "entries 1 to " + summary.checkpointCovers() + " only: entries " + (summary.checkpointCovers() + 1)
                + " to " + summary.chainSize() + " were chained" + indent
                + "after it and are covered by no signature (this export could not use the" + indent
                + "signing key; on the command line give --key-file to sign the whole chain).";
    }

    static List<String> files() {
        return List.of("changes.csv", "approvals.csv", "exceptions.csv", "incidents.csv", "conflicts.csv", "audit.jsonl", "checkpoint.txt",
                "public-key.txt", "README.txt");
    }
}
