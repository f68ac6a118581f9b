package dev.changebot.policyfile;

import java.util.List;
import java.util.Map;

/** The clause scenarios, for tests outside this package (the CLI tests). */
public final class PresetScenariosAccess {

    private PresetScenariosAccess() {
    }

    public static List<View> all() {
        return PresetScenarios.all().stream().map(s -> new View(s.toString(), s.cliArguments(), s.allowed(),
                s.earliest(), s.followUpsDue())).toList();
    }

    /** What a CLI test needs of a scenario. */
    public record View(String name, List<String> arguments, boolean allowed, String earliest,
                       Map<String, String> followUpsDue) {
    }
}
