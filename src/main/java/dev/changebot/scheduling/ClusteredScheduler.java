package dev.changebot.scheduling;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz with the JDBC job store, clustered on the application's PostgreSQL. It has its own small
 * connection pool so a burst of jobs cannot starve the 3-second Slack ack path, and it shuts down
 * before that pool closes.
 */
@Singleton
public class ClusteredScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(ClusteredScheduler.class);
    static final String SCHEDULER_NAME = "changebot";
    static final java.time.Duration REMINDER_INTERVAL = java.time.Duration.ofMinutes(1);

    private final HikariDataSource pool;
    private final Scheduler scheduler;
    /** The policy's zone: cron schedules run on its clock. */
    private final java.time.ZoneId zone;

    /**
     * Taking the default data source first means Flyway has created Quartz's tables before the
     * scheduler looks for them.
     */
    ClusteredScheduler(DataSource migrated, @Named("default") DatasourceConfiguration database,
                       @Value("${changebot.scheduler.threads:4}") int threads,
                       @Value("${changebot.scheduler.checkin-interval:7500}") long checkinIntervalMillis,
                       BeanContext beans, dev.changebot.domain.policy.Policy policy) {
        this.zone = policy.zone();
        this.pool = pool(database, threads);
        var providerName = "changebot-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(providerName, new PoolProvider(pool));
        try {
            var factory = new StdSchedulerFactory(properties(providerName, threads, checkinIntervalMillis));
            this.scheduler = factory.getScheduler();
            // Quartz keeps schedulers in a JVM-wide registry by name; dropping ours from it lets
            // several application contexts in one JVM (tests) run their own cluster member.
            SchedulerRepository.getInstance().remove(SCHEDULER_NAME);
            scheduler.setJobFactory((bundle, sched) -> beans.getBean(bundle.getJobDetail().getJobClass()));
        } catch (SchedulerException e) {
            pool.close();
            throw new IllegalStateException("Could not create the Quartz scheduler", e);
        }
    }

    @EventListener
    void onStartup(StartupEvent event) {
        try {
            scheduleRecurring(ApprovalRemindersJob.class, REMINDER_INTERVAL);
            scheduleRecurring(LateTimersJob.class, REMINDER_INTERVAL);
            scheduleRecurring(PruneOutboxJob.class, java.time.Duration.ofHours(1));
            scheduleRecurring(AuditCheckpointsJob.class, REMINDER_INTERVAL);
            scheduleWeekdayMornings(MonthlyReportJob.class, MonthlyReportJob.EVERY_WEEKDAY_MORNING);
            scheduler.start();
            LOG.info("Quartz scheduler started (clustered, instance {})", scheduler.getSchedulerInstanceId());
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not start the Quartz scheduler", e);
        }
    }

    /**
     * A job that runs every {@code interval}, registered once for the whole cluster. After downtime
     * it runs once, not once per missed interval: each run looks at everything that is due.
     */
    private void scheduleRecurring(Class<? extends org.quartz.Job> job, java.time.Duration interval)
            throws SchedulerException {
        var jobKey = org.quartz.JobKey.jobKey(job.getSimpleName());
        if (scheduler.checkExists(jobKey)) {
            return;
        }
        var detail = org.quartz.JobBuilder.newJob(job).withIdentity(jobKey).storeDurably().build();
        var trigger = org.quartz.TriggerBuilder.newTrigger().withIdentity(job.getSimpleName())
                .withSchedule(org.quartz.SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(interval.toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        try {
            scheduler.scheduleJob(detail, trigger);
        } catch (org.quartz.ObjectAlreadyExistsException anotherNodeWasFaster) {
            // Another node of the cluster registered it between our check and our insert.
        }
    }

    /**
     * A job on a cron schedule in the policy's zone, registered once for the whole cluster; one fire
     * missed while every node was down runs once when one comes back.
     */
    private void scheduleWeekdayMornings(Class<? extends org.quartz.Job> job, String cron) throws SchedulerException {
        var jobKey = org.quartz.JobKey.jobKey(job.getSimpleName());
        if (scheduler.checkExists(jobKey)) {
            return;
        }
        var detail = org.quartz.JobBuilder.newJob(job).withIdentity(jobKey).storeDurably().build();
        var trigger = org.quartz.TriggerBuilder.newTrigger().withIdentity(job.getSimpleName())
                .withSchedule(org.quartz.CronScheduleBuilder.cronSchedule(cron)
                        .inTimeZone(java.util.TimeZone.getTimeZone(zone)).withMisfireHandlingInstructionFireAndProceed())
                .build();
        try {
            scheduler.scheduleJob(detail, trigger);
        } catch (org.quartz.ObjectAlreadyExistsException anotherNodeWasFaster) {
            // Another node of the cluster registered it between our check and our insert.
        }
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    @PreDestroy
    void close() {
        try {
            // Wait for running jobs, then release the pool they use.
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            LOG.warn("Quartz did not shut down cleanly", e);
        } finally {
            pool.close();
        }
    }

    private static HikariDataSource pool(DatasourceConfiguration database, int threads) {
        var config = new HikariConfig();
        config.setPoolName("quartz");
        config.setJdbcUrl(database.getJdbcUrl());
        config.setUsername(database.getUsername());
        config.setPassword(database.getPassword());
        // Quartz needs a connection per worker thread plus a few for its own housekeeping.
        config.setMaximumPoolSize(threads + 3);
        config.setAutoCommit(false);
        // A server restarted behind a network partition never resets our sockets: without a socket
        // timeout a Quartz thread would wait on one for hours (TCP keep-alive). Longer than the app
        // pool's statement timeout, so only a dead connection hits it. Strings: pgjdbc ignores numbers.
        config.addDataSourceProperty("connectTimeout", "10");
        config.addDataSourceProperty("socketTimeout", "120");
        return new HikariDataSource(config);
    }

    private static Properties properties(String dataSource, int threads, long checkinIntervalMillis) {
        var p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", SCHEDULER_NAME);
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", dataSource);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        // How often a node says it is alive; a node silent for this long plus 7.5 s is declared dead
        // and the jobs it was running (requestRecovery) are run again by a live node.
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(checkinIntervalMillis));
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        // Avoids an aborted-transaction failure in obtainLock on PostgreSQL (quartz-scheduler/quartz#647).
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        // One acquisition (a database lock round trip) per firing caps a node near 170 firings/s
        // here; acquiring up to one trigger per worker thread at a time lifts that cap.
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", Integer.toString(threads));
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionFireAheadTimeWindow", "50");
        return p;
    }

    /** Hands Quartz connections from our pool. */
    private record PoolProvider(HikariDataSource pool) implements ConnectionProvider {

        @Override
        public Connection getConnection() throws SQLException {
            return pool.getConnection();
        }

        @Override
        public void shutdown() {
            // The pool is closed by ClusteredScheduler, after Quartz has stopped.
        }

        @Override
        public void initialize() {
            // Ready at construction.
        }
    }
}
