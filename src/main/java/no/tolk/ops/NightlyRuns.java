package no.tolk.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import no.tolk.store.Sql;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal of publishing runs, kept in the database so the last one is still known after a restart. Route
 * {@code publish-nightly} (whichever stage provides it) and {@code publish-now} are watched by a route policy,
 * however they are triggered; {@code tolk publish-now} records its run itself.
 * <p>
 * On a server database several instances share the journal (issue 15): a run holds PostgreSQL's session-level
 * advisory lock {@value #RUN_LOCK_KEY} on a connection of its own for as long as it lasts, so only one publishing
 * run goes on in the cluster at a time. A second one (a {@code publish-now} on another instance, a trigger fired
 * while a run started by hand is still busy) is refused in plain words; the lock ends with its connection, so a
 * killed instance's run never blocks the next one. With the embedded database {@link HomeLock} already keeps
 * a home to one process.
 */
public final class NightlyRuns implements RoutePolicyFactory {

    private static final Logger LOG = LoggerFactory.getLogger(NightlyRuns.class);
    /** The advisory lock of a publishing run: "tolk" in ASCII, an arbitrary key no other Tolk lock uses. */
    static final long RUN_LOCK_KEY = 0x746f6c6bL;
    /** Header camel-quartz sets on the exchange of a trigger: the fire time the trigger was scheduled for. */
    private static final String SCHEDULED_FIRE_TIME = "scheduledFireTime";
    private static final String RUN_LOCK = "tolkPublishingRunLock";

    public static final String ROUTE_ID = "publish-nightly";
    /** The same job started on demand (tolk publish-now, the publishNow JMX operation). */
    public static final String ON_DEMAND_ROUTE_ID = "publish-now";
    private static final String RUN_ID = "tolkPublishingRunId";

    /** One run: {@code end} is null while it runs; {@code outcome} is completed, failed, interrupted or running. */
    public record Run(Instant start, Instant end, String outcome) {
    }

    /** The cluster-wide lock of one publishing run, released by {@link #close} (or by the holder's death). */
    public interface RunLock extends AutoCloseable {
        @Override
        void close();
    }

    private final Supplier<DataSource> dataSource;
    private final Clock clock;
    private final String instanceId;
    private volatile Sql database;

    /** {@code dataSource} is looked up on first use: the store's beans may be bound after this one. */
    public NightlyRuns(Supplier<DataSource> dataSource, Clock clock) {
        this(dataSource, clock, null);
    }

    /** @param instanceId this instance's {@code tolk.instance.id}, recorded on each run (null = not recorded) */
    public NightlyRuns(Supplier<DataSource> dataSource, Clock clock, String instanceId) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.instanceId = instanceId;
    }

    /** Records the start of a run; returns its id for {@link #finished}. */
    public long started() {
        return started(null);
    }

    /** Records the start of a run for the nightly trigger's {@code scheduledFor} (null = on demand). */
    public long started(Instant scheduledFor) {
        return database().insert("insert into publishing_run (started_at, instance_id, scheduled_for) values (?, ?, ?)",
                now(), instanceId, scheduledFor == null ? null : Timestamp.from(scheduledFor));
    }

    /**
     * Takes the cluster-wide run lock, or returns empty when a publishing run is going on on another instance (or
     * in this one). With the embedded database the lock is always granted: one process works on a home.
     */
    public Optional<RunLock> tryLock() {
        DataSource source = dataSource.get();
        Connection connection = null;
        try {
            connection = source.getConnection();
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                return Optional.of(() -> { });
            }
            try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                lock.setLong(1, RUN_LOCK_KEY);
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        connection.close();
                        return Optional.empty();
                    }
                }
            }
            Connection held = connection;
            return Optional.of(() -> {
                try (held; PreparedStatement unlock = held.prepareStatement("select pg_advisory_unlock(?)")) {
                    unlock.setLong(1, RUN_LOCK_KEY);
                    unlock.execute();
                } catch (SQLException e) {
                    // closing the connection below ends the session's locks anyway (HikariCP resets it)
                    LOG.debug("Releasing the publishing run lock: {}", e.toString());
                }
            });
        } catch (SQLException e) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // the connection is broken already
                }
            }
            throw new no.tolk.store.StoreException("publishing runs: cannot take the run lock: " + e.getMessage(), e);
        }
    }

    /**
     * For a refusal: the run going on now, in plain words ("started 2026-11-29T02:00:00Z on instance tolk-2"),
     * or empty when none is. Asks the lock, not the journal, since a killed instance leaves its run open there.
     */
    public Optional<String> runInProgress() {
        Optional<RunLock> lock = tryLock();
        if (lock.isPresent()) {
            lock.get().close();
            return Optional.empty();
        }
        return Optional.of(database().query("select started_at, instance_id from publishing_run where finished_at is null"
                        + " order by id desc", rs -> "started " + rs.getTimestamp(1).toInstant()
                        + (rs.getString(2) == null ? "" : " on instance " + rs.getString(2)))
                .stream().findFirst().orElse("started on another instance"));
    }

    public void finished(long runId, boolean failed) {
        database().update("update publishing_run set finished_at = ?, outcome = ? where id = ?",
                now(), failed ? "failed" : "completed", runId);
    }

    /** The most recent run, whichever process ran it. */
    public Optional<Run> last() {
        return database().query("select started_at, finished_at, outcome from publishing_run"
                        + " where id = (select max(id) from publishing_run)",
                rs -> new Run(rs.getTimestamp(1).toInstant(),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant(),
                        rs.getString(3) == null ? "running" : rs.getString(3)))
                .stream().findFirst();
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        if (!ROUTE_ID.equals(routeId) && !ON_DEMAND_ROUTE_ID.equals(routeId)) return null;
        return new RoutePolicySupport() {
            @Override
            public void onExchangeBegin(Route route, Exchange exchange) {
                Optional<RunLock> lock = tryLock();
                if (lock.isEmpty()) {
                    LOG.info("A publishing run is already going on in the cluster ({}); this one ({}) is not started:"
                                    + " that run publishes everything approved", runInProgress().orElse("just finished"), routeId);
                    exchange.setRouteStop(true);
                    return;
                }
                exchange.setProperty(RUN_LOCK, lock.get());
                Date scheduled = exchange.getMessage().getHeader(SCHEDULED_FIRE_TIME, Date.class);
                try {
                    exchange.setProperty(RUN_ID, started(scheduled == null ? null : scheduled.toInstant()));
                } catch (RuntimeException e) {
                    lock.get().close();
                    exchange.removeProperty(RUN_LOCK);
                    throw e;
                }
            }

            @Override
            public void onExchangeDone(Route route, Exchange exchange) {
                Long runId = exchange.getProperty(RUN_ID, Long.class);
                RunLock lock = exchange.getProperty(RUN_LOCK, RunLock.class);
                try {
                    if (runId != null) finished(runId, exchange.isFailed());
                } finally {
                    if (lock != null) lock.close();
                }
            }
        };
    }

    private Sql database() {
        Sql sql = database;
        if (sql == null) {
            synchronized (this) {
                if (database == null) {
                    Sql opened = new Sql(dataSource.get(), "publishing runs");
                    // a run still open with nobody holding the run lock was cut short (embedded: HomeLock
                    // keeps a home to one process; cluster: the lock ends with its holder's connection)
                    Optional<RunLock> lock = tryLock();
                    if (lock.isPresent()) {
                        try (RunLock held = lock.get()) {
                            opened.update("update publishing_run set finished_at = ?, outcome = ? where finished_at is null",
                                    now(), "interrupted");
                        }
                    }
                    database = opened;
                }
                sql = database;
            }
        }
        return sql;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
