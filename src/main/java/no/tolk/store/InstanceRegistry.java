package no.tolk.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * The instances working on one store and their heartbeats ({@code tolk_instance}, V30): each instance writes its
 * row at start and every {@code tolk.instance.heartbeat-interval}; {@code status} and JMX show the cluster from it.
 * An instance counts as alive while its last heartbeat is younger than three intervals.
 */
public class InstanceRegistry {

    /** One instance as the store knows it; {@code alive} as judged at the time of the query. */
    public record Instance(String id, String host, long pid, Instant startedAt, Instant lastHeartbeat, boolean alive) {
    }

    private final Sql database;
    private final String id;
    private final Duration interval;
    private final Clock clock;
    private final Instant startedAt;

    public InstanceRegistry(DataSource dataSource, String id, Duration interval, Clock clock) {
        this.database = new Sql(dataSource, "instance registry");
        this.id = id;
        this.interval = interval;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    public String id() {
        return id;
    }

    /** Records that this instance is alive now (inserts its row on the first beat). */
    public void beat() {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = database.update("update tolk_instance set last_heartbeat = ?, host = ?, pid = ?, started_at = ? where id = ?",
                now, InstanceIdentity.hostName(), ProcessHandle.current().pid(), Timestamp.from(startedAt), id);
        if (updated == 0) {
            try {
                database.update("insert into tolk_instance (id, host, pid, started_at, last_heartbeat) values (?, ?, ?, ?, ?)",
                        id, InstanceIdentity.hostName(), ProcessHandle.current().pid(), Timestamp.from(startedAt), now);
            } catch (StoreException raced) {
                // another process with the same id inserted first: update its row (ids are meant to be unique)
                database.update("update tolk_instance set last_heartbeat = ? where id = ?", now, id);
            }
        }
    }

    /** Every instance that ever beat on this store, most recent heartbeat first. */
    public List<Instance> instances() {
        Instant deadline = clock.instant().minus(interval.multipliedBy(3));
        return database.query("select id, host, pid, started_at, last_heartbeat from tolk_instance order by last_heartbeat desc, id",
                rs -> {
                    Instant last = rs.getTimestamp(5).toInstant();
                    return new Instance(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getTimestamp(4).toInstant(), last,
                            !last.isBefore(deadline));
                });
    }
}
