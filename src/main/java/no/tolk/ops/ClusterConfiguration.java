package no.tolk.ops;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Scale-out wiring (issue 15, docs/scale-out.md). With a server database (PostgreSQL) several instances share the
 * work, and two of Camel's own building blocks coordinate them through that database:
 * <ul>
 * <li>{@code quartz}: camel-quartz on Quartz's clustered JDBC job store (JobStoreTX + PostgreSQLDelegate,
 * {@code isClustered=true}, tables from migration V40), so the nightly trigger fires on one instance; a dead
 * instance's trigger is taken over by the others after {@code tolk.cluster.checkin-interval} ms, and a run it
 * was in the middle of is run again (the route's {@code recoverableJob}).</li>
 * <li>{@code inboxClaims}: camel-sql's {@link JdbcOrphanLockAwareIdempotentRepository} ({@link InboxClaims}, table V41) for the inbox
 * consumer's {@code readLock=idempotent-changed}: one instance reads a file of the shared inbox; the holder renews
 * its claim every {@code tolk.ingest.claim-keep-alive} ms and a claim older than {@code tolk.ingest.claim-max-age}
 * ms (its holder died) is taken over.</li>
 * </ul>
 * With the embedded H2 database (one instance) Quartz keeps its in-memory store and the inbox claims are in memory.
 */
public class ClusterConfiguration implements CamelConfiguration {

    /** Quartz scheduler name shared by every instance of a cluster (rows of the QRTZ_ tables carry it). */
    public static final String SCHEDULER_NAME = "tolk";
    /** The processorName of the inbox's rows in camel_messageprocessed. */
    public static final String INBOX_PROCESSOR = "tolk-inbox";

    @PropertyInject(value = "tolk.store.url", defaultValue = "")
    private String storeUrl;
    @PropertyInject(value = "tolk.instance.id", defaultValue = "")
    private String instanceId;
    @PropertyInject(value = "tolk.cluster.checkin-interval", defaultValue = "7500")
    private long checkinInterval;
    @PropertyInject(value = "tolk.cluster.misfire-threshold", defaultValue = "60000")
    private long misfireThreshold;
    @PropertyInject(value = "tolk.ingest.claim-max-age", defaultValue = "30000")
    private long claimMaxAge;
    @PropertyInject(value = "tolk.ingest.claim-keep-alive", defaultValue = "5000")
    private long claimKeepAlive;

    @BindToRegistry(value = "inboxClaims", lazy = true)
    public IdempotentRepository inboxClaims(CamelContext context, DataSource dataSource) {
        if (!ClusterSettings.sharedStore(storeUrl)) return MemoryIdempotentRepository.memoryIdempotentRepository(10_000);
        JdbcOrphanLockAwareIdempotentRepository claims = new InboxClaims(dataSource, INBOX_PROCESSOR, context);
        claims.setLockMaxAgeMillis(claimMaxAge);
        claims.setLockKeepAliveIntervalMillis(claimKeepAlive);
        return claims;
    }

    /** The route's check for files another instance took after this one listed the folder. */
    @BindToRegistry("sharedInbox")
    public no.tolk.ingest.SharedInbox sharedInbox() {
        return new no.tolk.ingest.SharedInbox();
    }

    @BindToRegistry(value = "quartz", lazy = true)
    public QuartzComponent quartz(DataSource dataSource) {
        QuartzComponent quartz = new QuartzComponent();
        if (!ClusterSettings.sharedStore(storeUrl)) return quartz;
        // Quartz reaches a data source by name through its connection manager: register the store's pool under a
        // name of this context's own, so Quartz shares HikariCP with the store instead of opening a second pool
        String name = "tolk-store-" + Integer.toHexString(System.identityHashCode(dataSource));
        DBConnectionManager.getInstance().addConnectionProvider(name, new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return dataSource.getConnection();
            }

            @Override
            public void shutdown() {
                // the pool belongs to the store and is closed with it
            }

            @Override
            public void initialize() {
            }
        });
        quartz.setProperties(clusteredJobStore(name, ClusterSettings.instanceId(instanceId), checkinInterval, misfireThreshold));
        quartz.setPrefixInstanceName(false);
        return quartz;
    }

    /**
     * Quartz properties of the clustered job store (Quartz 2.5 configuration reference, "Configure Clustering with
     * JDBC-JobStore"): one scheduler name for the cluster, one instance id per instance.
     */
    static Properties clusteredJobStore(String dataSourceName, String instanceId, long checkinInterval, long misfireThreshold) {
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", SCHEDULER_NAME);
        properties.setProperty("org.quartz.scheduler.instanceId", instanceId);
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        properties.setProperty("org.quartz.threadPool.threadCount", "2");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        properties.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        properties.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        properties.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        properties.setProperty("org.quartz.jobStore.isClustered", "true");
        properties.setProperty("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(checkinInterval));
        properties.setProperty("org.quartz.jobStore.misfireThreshold", String.valueOf(misfireThreshold));
        // QRTZ_LOCKS rows taken with SELECT ... FOR UPDATE, so acquiring a trigger is one instance's at a time
        properties.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        return properties;
    }
}
