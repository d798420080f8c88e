package no.tolk.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import no.tolk.article.Received;

/**
 * Files recognised as content already received (the same SHA-256 as an earlier file, under any name), in the
 * {@code duplicate_receipt} table (V90): the inbox drops them without processing them again, and {@code tolk status}
 * lists them with the article the first copy became, so a file that "disappeared" can be found (issue 14).
 */
public class DuplicateLedger {

    /**
     * One duplicate file name: the article its bytes became ({@code articleId}, null when the first copy became none),
     * that receipt's outcome ({@code extracted}, {@code quarantined}, ...), the first copy's file name, how many times
     * this name arrived with these bytes, and when last (UTC).
     */
    public record Duplicate(String sourceName, String contentHash, String articleId, String outcome, String firstSource,
            int times, Instant lastReceivedAt) {
    }

    private final Sql database;
    private final Clock clock;

    public DuplicateLedger(DataSource dataSource, Clock clock) {
        this.database = new Sql(dataSource, "duplicate ledger");
        this.clock = clock;
    }

    /**
     * Records one arrival of a file whose bytes were received before ({@code first}: what those bytes became); route
     * step {@code record-duplicate}. Returns how often this name has arrived with these bytes.
     */
    public int record(Received received, ContentRecord first) {
        String name = received.sourceName();
        String hash = received.contentHash();
        Timestamp now = Timestamp.from(clock.instant());
        return database.inTransaction(connection -> {
            int updated = Sql.update(connection, "update duplicate_receipt set times = times + 1, last_received_at = ?,"
                    + " article_id = ?, outcome = ? where source_name = ? and content_hash = ?",
                    now, first.articleId(), first.outcome(), name, hash);
            if (updated == 0) {
                Sql.update(connection, "insert into duplicate_receipt (source_name, content_hash, article_id, outcome,"
                        + " first_source, times, last_received_at) values (?, ?, ?, ?, ?, 1, ?)",
                        name, hash, first.articleId(), first.outcome(), first.sourceFile(), now);
                return 1;
            }
            try (java.sql.PreparedStatement statement = connection.prepareStatement(
                    "select times from duplicate_receipt where source_name = ? and content_hash = ?")) {
                statement.setString(1, name);
                statement.setString(2, hash);
                try (java.sql.ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** The most recent duplicates first, at most {@code limit}. */
    public List<Duplicate> recent(int limit) {
        return database.query("select source_name, content_hash, article_id, outcome, first_source, times, last_received_at"
                        + " from duplicate_receipt order by last_received_at desc, id desc",
                rs -> new Duplicate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6), rs.getTimestamp(7).toInstant())).stream().limit(limit).toList();
    }
}
