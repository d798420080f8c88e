package no.tolk.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The embedded H2 database under {@code data/}, or any JDBC URL from configuration.
 * AUTO_SERVER lets CLI commands read and change state while a {@code run} service holds the file.
 */
public final class Database {

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
}
