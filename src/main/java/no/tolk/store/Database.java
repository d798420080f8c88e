package no.tolk.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.engine.SessionRemote;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 database under {@code data/}, or any JDBC URL from configuration.
 * AUTO_SERVER lets CLI commands read and change state while a {@code run} service holds the file.
 */
public final class Database {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int MAX_CONNECTIONS = 16;

    private Database() {
    }

    /**
     * WRITE_DELAY=0: H2 otherwise writes committed transactions to disk up to 500 ms later, and a
     * process killed in that window forgets articles whose inbox files were already deleted.
     * DB_CLOSE_DELAY=-1: the database stays open until the process ends instead of being closed and
     * reopened whenever no connection happens to be open.
     * LOCK_TIMEOUT: a save waiting for the article identity lock (V6) waits longer than H2's default second
     * when many files arrive at once.
     */
    public static String defaultUrl(Path home) {
        Path file = home.resolve("data").resolve("tolk").toAbsolutePath();
        return "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
    }

    /**
     * A pooled data source with the schema migrated: H2's own pool for the embedded database (it keeps the
     * file open for the life of the process; without it H2 closes and reopens it between operations),
     * HikariCP for a server database such as PostgreSQL.
     */
    public static DataSource open(String url, String user, String password) {
        DataSource dataSource = url.startsWith("jdbc:h2:") ? embedded(url, user, password) : server(url, user, password);
        // db/postgresql: tables only a server database needs (Quartz's clustered job store, the shared inbox's claims)
        String[] locations = url.startsWith("jdbc:postgresql:")
                ? new String[] {"classpath:db/migration", "classpath:db/postgresql"} : new String[] {"classpath:db/migration"};
        Flyway.configure()
                .dataSource(dataSource)
                .locations(locations)
                .load()
                .migrate();
        return dataSource;
    }

    private static DataSource embedded(String url, String user, String password) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, user == null ? "" : user, password == null ? "" : password);
        pool.setMaxConnections(MAX_CONNECTIONS);
        return pool;
    }

    private static DataSource server(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null && !user.isBlank()) config.setUsername(user);
        if (password != null && !password.isBlank()) config.setPassword(password);
        config.setMaximumPoolSize(MAX_CONNECTIONS);
        config.setMinimumIdle(2);
        config.setPoolName("tolk-store");
        return new HikariDataSource(config);
    }

    /**
     * Closes a data source from {@link #open} when its user stops: the pool's connections are closed, and the embedded
     * database this process holds is shut down when nobody else uses it. DB_CLOSE_DELAY=-1 keeps an embedded database
     * open after its last connection closes, so without this a stopped pipeline kept the file locked, its AUTO_SERVER
     * port open and H2's lock watchdog rewriting {@code data/tolk.lock.db} (which recreated a deleted home's
     * {@code data/} folder) until the JVM ended. Left open: a database another process serves (this one is its AUTO_SERVER
     * client), and one still used by other sessions (a CLI command connected to this process, another pool in the same
     * JVM); those are named in a warning, and a connection the application never gave back shows up that way.
     *
     * @param url the JDBC URL the data source was opened with (an embedded shutdown needs a connection of its own,
     *            after the pool's are closed)
     */
    public static void close(DataSource dataSource, String url, String user, String password) {
        if (dataSource instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("closing the store's connection pool failed: {}", e.toString());
            }
            return;
        }
        if (!(dataSource instanceof JdbcConnectionPool pool)) return;
        int borrowed = pool.getActiveConnections();
        pool.dispose();
        if (borrowed > 0) {
            LOG.warn("{} store connection(s) were not given back to the pool when the pipeline stopped", borrowed);
        }
        if (!url.startsWith("jdbc:h2:file:")) return;
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url + ";IFEXISTS=TRUE",
                user == null ? "" : user, password == null ? "" : password);
             java.sql.Statement statement = connection.createStatement()) {
            if (connection.unwrap(JdbcConnection.class).getSession() instanceof SessionRemote) return;
            List<String> others = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = statement.executeQuery("SELECT SESSION_ID, CLIENT_ADDR, CLIENT_INFO, SESSION_START"
                    + " FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID <> SESSION_ID()")) {
                while (rs.next()) {
                    others.add("session " + rs.getInt(1) + " since " + rs.getString(4)
                            + (rs.getString(2) == null ? " (this process)" : " from " + rs.getString(2)));
                }
            }
            if (others.isEmpty()) {
                statement.execute("SHUTDOWN");
            } else {
                LOG.warn("the embedded database stays open: {} other session(s) use it: {}", others.size(), others);
            }
        } catch (java.sql.SQLException e) {
            LOG.warn("closing the embedded database failed: {}", e.getMessage());
        }
    }

    /** {@link #close} as a bean the application closes when it stops. */
    public record Closing(DataSource dataSource, String url, String user, String password) implements AutoCloseable {
        @Override
        public void close() {
            Database.close(dataSource, url, user, password);
        }
    }
}
