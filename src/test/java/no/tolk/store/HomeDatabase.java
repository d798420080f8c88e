package no.tolk.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.api.ErrorCode;
import org.h2.engine.SessionRemote;
import org.h2.jdbc.JdbcConnection;

/**
 * For tests that open a home's embedded database themselves ({@code Database.open(Database.defaultUrl(home), ...)}):
 * shuts it down in this JVM afterwards. Left open, H2's lock watchdog keeps rewriting {@code data/tolk.lock.db}, which
 * races JUnit's deletion of the temporary home ("Failed to delete temp directory").
 */
public final class HomeDatabase {

    private HomeDatabase() {
    }

    /** Shuts the home's database down if this JVM holds it open; does nothing when it is closed or served by another process. */
    public static void shutDown(Path home) throws SQLException {
        if (!java.nio.file.Files.exists(home.resolve("data/tolk.mv.db"))) return;
        try (Connection connection = DriverManager.getConnection(Database.defaultUrl(home) + ";IFEXISTS=TRUE", "", "");
             Statement statement = connection.createStatement()) {
            if (connection.unwrap(JdbcConnection.class).getSession() instanceof SessionRemote) return;
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            if (e.getErrorCode() != ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1) throw e;
        }
    }
}
