package no.tolk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Plain JDBC the way every store here uses it: parameters bound by position, rows mapped by a lambda,
 * multi-statement changes in one transaction, and SQL failures turned into {@link StoreException}s
 * that name the store.
 */
public final class Sql {

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final String store;

    /** @param store what the data is, for error messages ("article store", "feed state") */
    public Sql(DataSource dataSource, String store) {
        this.dataSource = dataSource;
        this.store = store;
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters)) {
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) rows.add(mapper.map(rs));
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException(store + " query failed: " + e.getMessage(), e);
        }
    }

    /** One statement in its own transaction; returns the number of rows changed. */
    public int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection()) {
            return update(connection, sql, parameters);
        } catch (SQLException e) {
            throw new StoreException(store + " update failed: " + e.getMessage(), e);
        }
    }

    /** Inserts one row in its own transaction and returns the key the database generated for it. */
    public long insert(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = bind(connection.prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS), parameters)) {
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                if (!keys.next()) throw new SQLException("no generated key");
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException(store + " update failed: " + e.getMessage(), e);
        }
    }

    public <T> T inTransaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(store + " update failed: " + e.getMessage(), e);
        }
    }

    /** One statement on a connection the caller holds (inside {@link #inTransaction}). */
    public static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        return bind(connection.prepareStatement(sql), parameters);
    }

    private static PreparedStatement bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
