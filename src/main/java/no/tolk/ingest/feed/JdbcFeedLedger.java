package no.tolk.ingest.feed;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import no.tolk.store.Sql;
import no.tolk.store.StoreException;

/** {@link FeedLedger} on the {@code feed_source} and {@code feed_item} tables (migration V3); portable SQL. */
public class JdbcFeedLedger implements FeedLedger {

    private static final String SOURCE_COLUMNS = "url, last_polled_at, last_success_at, last_error, last_error_at,"
            + " consecutive_failures, next_poll_at, etag, last_modified";

    private final DataSource dataSource;
    private final Sql database;

    public JdbcFeedLedger(DataSource dataSource) {
        this.dataSource = dataSource;
        this.database = new Sql(dataSource, "feed state");
    }

    @Override
    public Optional<FeedSource> findSource(String url) {
        return database.query("select " + SOURCE_COLUMNS + " from feed_source where url = ?", JdbcFeedLedger::source, url)
                .stream().findFirst();
    }

    @Override
    public List<FeedSource> listSources() {
        return database.query("select " + SOURCE_COLUMNS + " from feed_source order by url", JdbcFeedLedger::source);
    }

    @Override
    public void saveSource(FeedSource s) {
        Object[] values = {timestamp(s.lastPolledAt()), timestamp(s.lastSuccessAt()), clip(s.lastError()),
                timestamp(s.lastErrorAt()), s.consecutiveFailures(), timestamp(s.nextPollAt()), clip(s.etag()),
                s.lastModified(), s.url()};
        upsert("update feed_source set last_polled_at = ?, last_success_at = ?, last_error = ?, last_error_at = ?,"
                        + " consecutive_failures = ?, next_poll_at = ?, etag = ?, last_modified = ? where url = ?",
                "insert into feed_source (last_polled_at, last_success_at, last_error, last_error_at,"
                        + " consecutive_failures, next_poll_at, etag, last_modified, url) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                values);
    }

    /**
     * A compare-and-set on the feed's row (V42): the update succeeds for one instance only, on H2 and PostgreSQL
     * alike, since each database locks the row for the update. A feed never polled gets its row first (an insert a
     * concurrent instance may win, which is fine: the update decides).
     */
    @Override
    public boolean claimPoll(String url, String owner, Instant now, Instant until) {
        if (findSource(url).isEmpty()) {
            try {
                database.update("insert into feed_source (url, consecutive_failures) values (?, 0)", url);
            } catch (StoreException alreadyThere) {
                // another instance inserted it between the check and the insert
            }
        }
        return database.update("update feed_source set claimed_by = ?, claim_until = ? where url = ?"
                        + " and (claimed_by is null or claimed_by = ? or claim_until < ?)",
                owner, timestamp(until), url, owner, timestamp(now)) == 1;
    }

    @Override
    public void releasePoll(String url, String owner) {
        database.update("update feed_source set claimed_by = null, claim_until = null where url = ? and claimed_by = ?",
                url, owner);
    }

    @Override
    public Optional<SeenItem> findItem(String itemKey) {
        return database.query("select item_key, feed_url, link, fingerprint, content_hash, article_id, outcome, reason"
                        + " from feed_item where item_key = ?",
                rs -> new SeenItem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)),
                itemKey).stream().findFirst();
    }

    @Override
    public void saveItem(SeenItem item, Instant at) {
        Timestamp now = timestamp(at);
        Object[] updateValues = {item.feedUrl(), item.link(), item.fingerprint(), item.contentHash(), item.articleId(),
                item.outcome(), clip(item.reason()), now, item.itemKey()};
        Object[] insertValues = {item.feedUrl(), item.link(), item.fingerprint(), item.contentHash(), item.articleId(),
                item.outcome(), clip(item.reason()), now, item.itemKey(), now};
        try (Connection connection = dataSource.getConnection()) {
            if (Sql.update(connection, "update feed_item set feed_url = ?, link = ?, fingerprint = ?, content_hash = ?,"
                    + " article_id = ?, outcome = ?, reason = ?, last_changed = ? where item_key = ?", updateValues) == 0) {
                Sql.update(connection, "insert into feed_item (feed_url, link, fingerprint, content_hash, article_id, outcome,"
                        + " reason, last_changed, item_key, first_seen) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", insertValues);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot record feed item " + item.itemKey() + ": " + e.getMessage(), e);
        }
    }

    private void upsert(String update, String insert, Object[] values) {
        try (Connection connection = dataSource.getConnection()) {
            if (Sql.update(connection, update, values) == 0) Sql.update(connection, insert, values);
        } catch (SQLException e) {
            throw new StoreException("cannot record feed state: " + e.getMessage(), e);
        }
    }

    private static FeedSource source(ResultSet rs) throws SQLException {
        return new FeedSource(rs.getString(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)), rs.getString(4),
                instant(rs.getTimestamp(5)), rs.getInt(6), instant(rs.getTimestamp(7)), rs.getString(8), rs.getString(9));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String clip(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }

}
