package no.tolk.ops;

import java.util.Properties;
import no.tolk.store.InstanceIdentity;

/**
 * What changes when several Tolk instances share one server database (issue 15, docs/scale-out.md): the store URL
 * decides. The embedded H2 database (empty {@code tolk.store.url}) means one instance on one machine; a server
 * database (PostgreSQL) means the instances may be many, so the nightly trigger, the inbox and the feeds are
 * coordinated through it.
 */
public final class ClusterSettings {

    /** Milliseconds a finished inbox file's claim is kept in a cluster, see {@link #derivedProperties}. */
    static final String CLUSTER_RELEASE_DELAY = "10000";

    private ClusterSettings() {
    }

    /** True for a server database (anything but the embedded H2 default); {@code storeUrl} may be blank. */
    public static boolean sharedStore(String storeUrl) {
        return storeUrl != null && !storeUrl.isBlank() && !storeUrl.startsWith("jdbc:h2:");
    }

    /** {@code tolk.instance.id}, or {@code <host name>-<pid>} when it is blank ({@link InstanceIdentity#resolve}). */
    public static String instanceId(String configured) {
        return InstanceIdentity.resolve(configured);
    }

    /**
     * Defaults that depend on the store, for the keys left empty in configuration:
     * {@code tolk.ingest.claim-release-delay} is 0 with the embedded database (one instance: a file dropped again
     * under the same name is read at the next poll) and 10 s with a server database, so an instance whose folder
     * listing is older than another instance's deletion of the file cannot claim that file again
     * (camel-file's {@code readLockIdempotentReleaseDelay}, made for active/active clusters).
     */
    public static Properties derivedProperties(String storeUrl, String releaseDelay) {
        Properties derived = new Properties();
        if (releaseDelay == null || releaseDelay.isBlank()) {
            derived.setProperty("tolk.ingest.claim-release-delay", sharedStore(storeUrl) ? CLUSTER_RELEASE_DELAY : "0");
        }
        return derived;
    }
}
