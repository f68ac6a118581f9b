package dev.changebot.domain.policy;

/**
 * What an active-incident freeze covers ({@code scope:} on the freeze): every service ("no changes
 * during active incidents", POL-008), or only the services the incident affects ("no unrelated
 * deploys" as POL-012 means it: a change on another service goes ahead).
 */
public enum IncidentScope { ALL, AFFECTED_SERVICES }
