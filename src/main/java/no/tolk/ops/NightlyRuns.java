package no.tolk.ops;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
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

/**
 * The journal of publishing runs, kept in the database so the last one is still known after a restart. Route
 * {@code publish-nightly} (whichever stage provides it) and {@code publish-now} are watched by a route policy,
 * however they are triggered; {@code tolk publish-now} records its run itself.
 */
public final class NightlyRuns implements RoutePolicyFactory {

    public static final String ROUTE_ID = "publish-nightly";
    /** The same job started on demand (tolk publish-now, the publishNow JMX operation). */
    public static final String ON_DEMAND_ROUTE_ID = "publish-now";
    private static final String RUN_ID = "tolkPublishingRunId";

    /** One run: {@code end} is null while it runs; {@code outcome} is completed, failed, interrupted or running. */
    public record Run(Instant start, Instant end, String outcome) {
    }

    private final Supplier<DataSource> dataSource;
    private final Clock clock;
    private volatile Sql database;

    /** {@code dataSource} is looked up on first use: the store's beans may be bound after this one. */
    public NightlyRuns(Supplier<DataSource> dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Records the start of a run; returns its id for {@link #finished}. */
    public long started() {
        return database().insert("insert into publishing_run (started_at) values (?)", now());
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
                exchange.setProperty(RUN_ID, started());
            }

            @Override
            public void onExchangeDone(Route route, Exchange exchange) {
                Long runId = exchange.getProperty(RUN_ID, Long.class);
                if (runId != null) finished(runId, exchange.isFailed());
            }
        };
    }

    private Sql database() {
        Sql sql = database;
        if (sql == null) {
            synchronized (this) {
                if (database == null) {
                    Sql opened = new Sql(dataSource.get(), "publishing runs");
                    // one process works on a home at a time (HomeLock), so a run still open was cut short
                    opened.update("update publishing_run set finished_at = ?, outcome = ? where finished_at is null",
                            now(), "interrupted");
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
