package no.tolk.store;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The embedded H2 database under {@code data/}, or any JDBC URL from configuration.
 * AUTO_SERVER lets CLI commands read and change state while a {@code run} service holds the file.
 */
public final class Database {

    private Database() {
    }

    public static String defaultUrl(Path home) {
        Path file = home.resolve("data").resolve("tolk").toAbsolutePath();
        return "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE";
    }

    public static DataSource open(String url, String user, String password) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser(user == null ? "" : user);
        dataSource.setPassword(password == null ? "" : password);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return dataSource;
    }
}
