package dev.changebot.slack.view;

import dev.changebot.application.DeclaredFreezes;
import java.util.List;
import java.util.stream.Collectors;

/** The declared freezes in force or coming, as one ephemeral message. */
public final class FreezeList {

    private FreezeList() {
    }

    public static String text(List<DeclaredFreezes.Declared> freezes) {
        if (freezes.isEmpty()) {
            return "No declared freeze is in force. The policy's own freezes (weekends, holidays...) still apply.";
        }
        return "*Declared freezes*\n" + freezes.stream().map(f -> "• " + Mrkdwn.escape(f.reason()) + " — by "
                + Mrkdwn.user(f.declaredBy()) + ", from " + Mrkdwn.time(f.startsAt())
                + f.endsAt().map(e -> " until " + Mrkdwn.time(e)).orElse(" until lifted"))
                .collect(Collectors.joining("\n"));
    }
}
