package dev.changebot.application.evidence;

/**
 * Opens the evidence records of a database given by address, for the command line, which runs
 * without the server's wiring. Found with {@link java.util.ServiceLoader}: the command line knows
 * this port, the persistence adapter provides it.
 */
public interface EvidenceDatabase {

    /** A connection is opened per read and closed after it. */
    EvidenceRecords at(String jdbcUrl, String user, String password);
}
