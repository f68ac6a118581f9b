package dev.changebot.application.metrics;

/**
 * Opens the metric facts of a database given by address, for the command line, which runs without
 * the server's wiring. Found with {@link java.util.ServiceLoader}, as the evidence export's reader is.
 */
public interface MetricsDatabase {

    /** A connection is opened per read and closed after it. */
    MetricFactsReader at(String jdbcUrl, String user, String password);
}
