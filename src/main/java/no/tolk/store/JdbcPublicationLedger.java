package no.tolk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import no.tolk.publish.Publication;
import no.tolk.publish.PublicationLedger;
import no.tolk.publish.PublicationState;

/** {@link PublicationLedger} in the {@code publication} table (V4); each write is one committed statement. */
public class JdbcPublicationLedger implements PublicationLedger {

    private static final String COLUMNS = "article_id, target, language, external_id, url, revision, published_revision,"
            + " state, attempts, attempt_started_at, last_error, updated_at";

    private final Sql database;
    private final Clock clock;
    private final String instanceId;

    /** Attempts recorded under the default instance id (host name and pid). */
    public JdbcPublicationLedger(DataSource dataSource, Clock clock) {
        this(dataSource, clock, InstanceIdentity.resolve(null));
    }

    /** @param instanceId {@code tolk.instance.id}: written on every attempt ({@code publication.attempted_by}, V30) */
    public JdbcPublicationLedger(DataSource dataSource, Clock clock, String instanceId) {
        this.database = new Sql(dataSource, "publication ledger");
        this.clock = clock;
        this.instanceId = instanceId;
    }

    /** The instance that made the last attempt at this publication, if any was recorded. */
    public Optional<String> attemptedBy(String articleId, String target, String language) {
        return database.query("select attempted_by from publication where article_id = ? and target = ? and language = ?",
                rs -> rs.getString(1), articleId, target, language).stream().filter(java.util.Objects::nonNull).findFirst();
    }

    @Override
    public Optional<Publication> find(String articleId, String target, String language) {
        return query("select " + COLUMNS + " from publication where article_id = ? and target = ? and language = ?",
                articleId, target, language).stream().findFirst();
    }

    @Override
    public List<Publication> forArticle(String articleId) {
        return query("select " + COLUMNS + " from publication where article_id = ? order by target, language", articleId);
    }

    @Override
    public List<Publication> failed() {
        return query("select " + COLUMNS + " from publication where state = ? order by updated_at", PublicationState.FAILED.name());
    }

    @Override
    public void attemptStarted(String articleId, String target, String language, int revision) {
        Timestamp now = now();
        int updated = database.update("update publication set revision = ?, state = ?, attempts = attempts + 1, attempt_started_at = ?,"
                        + " updated_at = ?, attempted_by = ? where article_id = ? and target = ? and language = ?",
                revision, PublicationState.PENDING.name(), now, now, instanceId, articleId, target, language);
        if (updated == 0) {
            database.update("insert into publication (article_id, target, language, revision, state, attempts, attempt_started_at,"
                            + " created_at, updated_at, attempted_by) values (?, ?, ?, ?, ?, 1, ?, ?, ?, ?)",
                    articleId, target, language, revision, PublicationState.PENDING.name(), now, now, now, instanceId);
        }
    }

    @Override
    public void received(String articleId, String target, String language, String externalId, String url) {
        database.update("update publication set external_id = ?, url = ?, attempt_started_at = null, updated_at = ?"
                + " where article_id = ? and target = ? and language = ?", externalId, url, now(), articleId, target, language);
    }

    @Override
    public void published(String articleId, String target, String language, int revision, String externalId, String url,
            String note) {
        database.update("update publication set external_id = coalesce(?, external_id), url = coalesce(?, url), revision = ?,"
                        + " published_revision = ?, state = ?, attempt_started_at = null, last_error = ?, updated_at = ?"
                        + " where article_id = ? and target = ? and language = ?",
                externalId, url, revision, revision, PublicationState.PUBLISHED.name(), note, now(), articleId, target, language);
    }

    @Override
    public void attemptFailed(String articleId, String target, String language, String error, boolean outcomeKnown,
            boolean last) {
        database.update("update publication set state = ?, last_error = ?, updated_at = ?"
                        + (outcomeKnown ? ", attempt_started_at = null" : "")
                        + " where article_id = ? and target = ? and language = ?",
                (last ? PublicationState.FAILED : PublicationState.PENDING).name(), clip(error), now(), articleId, target, language);
    }

    @Override
    public int resetFailed(String articleId) {
        return database.update("update publication set state = ?, attempts = 0, attempt_started_at = null, updated_at = ?"
                + " where article_id = ? and state = ?", PublicationState.PENDING.name(), now(), articleId, PublicationState.FAILED.name());
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }

    private static String clip(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 3997) + "...";
    }

    private List<Publication> query(String sql, Object... parameters) {
        return database.query(sql, JdbcPublicationLedger::publication, parameters);
    }

    private static Publication publication(ResultSet rs) throws SQLException {
        Timestamp started = rs.getTimestamp(10);
        Integer published = rs.getObject(7) == null ? null : rs.getInt(7);
        return new Publication(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getInt(6), published,
                PublicationState.valueOf(rs.getString(8)), rs.getInt(9),
                started == null ? null : started.toInstant(), rs.getString(11), rs.getTimestamp(12).toInstant());
    }
}
