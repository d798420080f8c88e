package no.tolk.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import no.tolk.store.StoreException;

/** The figures the ops stage reads straight from the store's tables: read-only queries, portable SQL. */
public final class PipelineFigures {

    /** States an article leaves again by itself or through staff: the ones worth watching for age. */
    static final String WAITING_STATES = "'RECEIVED','EXTRACTED','AWAITING_TRANSLATION','WAITING_FOR_QUOTA','TRANSLATED','IN_REVIEW','APPROVED'";

    private final DataSource dataSource;

    public PipelineFigures(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long articlesCreatedSince(Instant since) {
        return count("select count(*) from article where created_at >= ?", Timestamp.from(since));
    }

    /** Articles whose state changed to {@code state} between two instants (a publish run's outcome). */
    public long transitionsBetween(String state, Instant from, Instant to) {
        return count("select count(distinct article_id) from state_history where to_state = ? and at >= ? and at <= ?",
                state, Timestamp.from(from), Timestamp.from(to));
    }

    public Optional<Map<String, String>> oldestWaiting() {
        String sql = "select id, state, updated_at, title from article where state in (" + WAITING_STATES + ")"
                + " order by updated_at, id fetch first 1 rows only";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) return Optional.empty();
            Map<String, String> article = new LinkedHashMap<>();
            article.put("id", rs.getString(1));
            article.put("state", rs.getString(2).toLowerCase(java.util.Locale.ROOT));
            article.put("since", rs.getTimestamp(3).toInstant().toString());
            article.put("title", rs.getString(4) == null ? "" : rs.getString(4));
            return Optional.of(article);
        } catch (SQLException e) {
            throw new StoreException("cannot read the oldest waiting article: " + e.getMessage(), e);
        }
    }

    /**
     * Transitions per target state (upper-case state names) over the whole history: each article that ever
     * reached a state counts once per time it reached it. Never decreases, so it backs Prometheus counters.
     */
    public Map<String, Long> transitionsPerState() {
        return transitionsSince(Instant.EPOCH);
    }

    /** Transitions per target state (upper-case state names) at or after {@code since}: what a run did. */
    public Map<String, Long> transitionsSince(Instant since) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select to_state, count(*) from state_history where at >= ? group by to_state")) {
            statement.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) counts.put(rs.getString(1), rs.getLong(2));
            }
            return counts;
        } catch (SQLException e) {
            throw new StoreException("cannot count state transitions: " + e.getMessage(), e);
        }
    }

    /** A trivial query: the database answers. */
    public void ping() {
        count("select count(*) from article where 1 = 0");
    }

    private long count(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) statement.setObject(i + 1, parameters[i]);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("query failed (" + e.getMessage() + ")", e);
        }
    }
}
