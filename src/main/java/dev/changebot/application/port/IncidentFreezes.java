package dev.changebot.application.port;

import dev.changebot.domain.incident.Incident;
import java.util.List;

/** The incidents whose freeze has not lifted yet: what the App Home shows beside the declared freezes. */
public interface IncidentFreezes {

    /** Open incidents, and resolved ones whose freeze has not been lifted with its digest. Runs in the caller's transaction. */
    List<Incident> notThawed(String workspaceId);
}
