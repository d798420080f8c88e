package no.tolk.store;

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
     * A pooled data source with the schema migrated. The pool keeps the embedded database open for the
     * life of the process; without it H2 closes and reopens the file between operations.
     */
    public static DataSource open(String url, String user, String password) {
        JdbcConnectionPool dataSource = JdbcConnectionPool.create(url, user == null ? "" : user, password == null ? "" : password);
        dataSource.setMaxConnections(MAX_CONNECTIONS);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return dataSource;
    }
}
