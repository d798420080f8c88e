package no.tolk.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import no.tolk.article.Article;
import no.tolk.article.ArticleJson;
import no.tolk.article.ArticleState;
import no.tolk.article.Received;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** {@link ArticleStore} on plain JDBC; every multi-row change is one transaction. */
public class JdbcArticleStore implements ArticleStore {

    private static final Logger TRANSITIONS = LoggerFactory.getLogger("no.tolk.store.transitions");

    static final String OUTCOME_STORED = "stored";
    static final String OUTCOME_QUARANTINED = "quarantined";
    static final String OUTCOME_SKIPPED = "skipped";

    private final Sql database;
    private final Clock clock;
    private final WorkClaims claims;

    public JdbcArticleStore(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    /** Claims under the default instance id (host name and pid) with the default lease. */
    public JdbcArticleStore(DataSource dataSource, Clock clock) {
        this(dataSource, clock, new WorkClaims(dataSource, InstanceIdentity.resolve(null), WorkClaims.DEFAULT_LEASE, clock));
    }

    public JdbcArticleStore(DataSource dataSource, Clock clock, WorkClaims claims) {
        this.database = new Sql(dataSource, "article store");
        this.clock = clock;
        this.claims = claims;
    }

    @Override
    public WorkClaims claims() {
        return claims;
    }

    @Override
    public Optional<ContentRecord> findContent(String contentHash) {
        return database.query("select hash, article_id, revision, outcome, source_file from content_hash where hash = ?",
                rs -> new ContentRecord(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5)),
                contentHash).stream().findFirst();
    }

    @Override
    public Article saveExtracted(Received received, Article extracted) {
        List<Runnable> afterCommit = new java.util.ArrayList<>();
        Article stored = database.inTransaction(connection -> saveExtracted(connection, received, extracted, afterCommit));
        afterCommit.forEach(Runnable::run);
        return stored;
    }

    /**
     * One transaction and one commit for the whole group. Each article is saved under its own savepoint: an
     * article the database refuses (a constraint, a lock timeout) is rolled back alone and its outcome holds the
     * failure, the others are committed. When the commit itself fails, every outcome holds that failure.
     */
    @Override
    public List<GroupOutcome> saveExtractedGroup(List<Extracted> group) {
        if (group.isEmpty()) return List.of();
        List<GroupOutcome> outcomes = new java.util.ArrayList<>(group.size());
        List<Runnable> afterCommit = new java.util.ArrayList<>();
        try {
            database.inTransaction(connection -> {
                for (Extracted item : group) {
                    java.sql.Savepoint savepoint = connection.setSavepoint();
                    List<Runnable> log = new java.util.ArrayList<>();
                    try {
                        outcomes.add(GroupOutcome.stored(saveExtracted(connection, item.received(), item.article(), log)));
                        afterCommit.addAll(log);
                        connection.releaseSavepoint(savepoint);
                    } catch (SQLException | RuntimeException e) {
                        connection.rollback(savepoint);
                        outcomes.add(GroupOutcome.failed(e instanceof SQLException sql
                                ? new StoreException("article store update failed: " + sql.getMessage(), sql) : (RuntimeException) e));
                    }
                }
                return null;
            });
        } catch (RuntimeException commitFailed) {
            return group.stream().map(item -> GroupOutcome.failed(commitFailed)).toList();
        }
        afterCommit.forEach(Runnable::run);
        return outcomes;
    }

    /** The save itself, on the caller's transaction; the transition's log line is added to {@code afterCommit}. */
    private Article saveExtracted(Connection connection, Received received, Article extracted, List<Runnable> afterCommit)
            throws SQLException {
        lockArticleIdentities(connection);
        Optional<String> existing = findArticleId(connection, received, extracted);
        String id = existing.orElseGet(() -> newArticleId(received));
        int revision = existing.isPresent() ? currentRevision(connection, id) + 1 : 1;
        Article stored = extracted.withIdentity(id, revision);
        Timestamp now = now();
        if (existing.isEmpty()) {
            insertArticle(connection, id, freeSourceKey(connection, received, id), stored.title(), ArticleState.EXTRACTED, now);
        } else {
            Sql.update(connection, "update article set title = ?, title_key = ?, state = ?, current_revision = ?,"
                            + " last_error = null, updated_at = ? where id = ?",
                    stored.title(), titleKey(stored.title()), ArticleState.EXTRACTED.name(), revision, now, id);
        }
        Sql.update(connection, "insert into article_revision (article_id, revision, content_hash, source_file,"
                        + " archived_file, language, title, body_json, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, revision, received.contentHash(), received.sourceName(), archived(received),
                stored.language(), stored.title(), toJson(stored), now);
        insertContent(connection, received, id, revision, OUTCOME_STORED, now);
        insertHistory(connection, id, revision, existing.isPresent() ? stateOf(connection, id) : null,
                ArticleState.EXTRACTED, "extracted from " + received.sourceName(), now, afterCommit);
        return stored;
    }

    @Override
    public ContentRecord saveQuarantined(Received received, String reason) {
        return database.inTransaction(connection -> {
            lockArticleIdentities(connection);
            Optional<String> existing = findArticleId(connection, received, null);
            String id = existing.orElseGet(() -> newArticleId(received));
            int revision = existing.isPresent() ? currentRevision(connection, id) : 0;
            Timestamp now = now();
            String previousState = existing.isPresent() ? stateOf(connection, id) : null;
            if (existing.isEmpty()) {
                insertArticle(connection, id, freeSourceKey(connection, received, id), received.sourceName(), ArticleState.QUARANTINED, now);
                Sql.update(connection, "update article set last_error = ? where id = ?", clip(reason), id);
            } else if (revision == 0) {
                Sql.update(connection, "update article set last_error = ?, updated_at = ? where id = ?", clip(reason), now, id);
            } else {
                // a broken new version of a good article: the good revision stays current, the error is shown
                Sql.update(connection, "update article set last_error = ?, updated_at = ? where id = ?",
                        clip("revision from " + received.sourceName() + " quarantined: " + reason), now, id);
            }
            insertContent(connection, received, id, revision, OUTCOME_QUARANTINED, now);
            insertHistory(connection, id, revision, previousState,
                    revision == 0 ? ArticleState.QUARANTINED : ArticleState.valueOf(previousState),
                    "quarantined " + received.sourceName() + ": " + reason, now);
            return new ContentRecord(received.contentHash(), id, revision, OUTCOME_QUARANTINED, received.sourceName());
        });
    }

    @Override
    public ContentRecord saveSkipped(Received received, Article extracted, String reason) {
        return database.inTransaction(connection -> {
            lockArticleIdentities(connection);
            Optional<String> existing = findArticleId(connection, received, extracted);
            Timestamp now = now();
            if (existing.isPresent()) {
                String id = existing.get();
                int revision = currentRevision(connection, id);
                String state = stateOf(connection, id);
                Sql.update(connection, "update article set last_error = ?, updated_at = ? where id = ?",
                        clip("revision from " + received.sourceName() + " skipped: " + reason), now, id);
                insertContent(connection, received, id, revision, OUTCOME_SKIPPED, now);
                insertHistory(connection, id, revision, state, ArticleState.valueOf(state),
                        "skipped " + received.sourceName() + ": " + reason, now);
                return new ContentRecord(received.contentHash(), id, revision, OUTCOME_SKIPPED, received.sourceName());
            }
            String id = newArticleId(received);
            Article stored = extracted.withIdentity(id, 1);
            insertArticle(connection, id, freeSourceKey(connection, received, id), stored.title(), ArticleState.SKIPPED, now);
            Sql.update(connection, "update article set last_error = ? where id = ?", clip(reason), id);
            Sql.update(connection, "insert into article_revision (article_id, revision, content_hash, source_file,"
                            + " archived_file, language, title, body_json, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, 1, received.contentHash(), received.sourceName(), archived(received),
                    stored.language(), stored.title(), toJson(stored), now);
            insertContent(connection, received, id, 1, OUTCOME_SKIPPED, now);
            insertHistory(connection, id, 1, null, ArticleState.SKIPPED,
                    "skipped " + received.sourceName() + ": " + reason, now);
            return new ContentRecord(received.contentHash(), id, 1, OUTCOME_SKIPPED, received.sourceName());
        });
    }

    @Override
    public void changeState(String articleId, ArticleState newState, String reason) {
        changeState(articleId, newState, reason, null);
    }

    @Override
    public void changeState(String articleId, ArticleState newState, String reason, String actor) {
        database.inTransaction(connection -> {
            String previous = stateOf(connection, articleId);
            boolean failure = newState == ArticleState.FAILED || newState == ArticleState.WAITING_FOR_QUOTA
                    || newState == ArticleState.SKIPPED;
            // "approved -> approved" is no transition (two approvals racing, a repeated run): nothing to record
            if (newState.name().equals(previous) && !failure) return null;
            int revision = currentRevision(connection, articleId);
            Timestamp now = now();
            Sql.update(connection, "update article set state = ?, updated_at = ? where id = ?", newState.name(), now, articleId);
            if (failure) {
                // what 'tolk status' shows as the last error, next to the command to act on it
                Sql.update(connection, "update article set last_error = ? where id = ?", clip(reason), articleId);
            } else if (newState == ArticleState.PUBLISHED) {
                // an error of an earlier attempt is history now, not the article's state
                Sql.update(connection, "update article set last_error = null where id = ?", articleId);
            }
            insertHistory(connection, articleId, revision, previous, newState, reason, now);
            if (actor != null) {
                Sql.update(connection, "update state_history set actor = ? where id = (select max(id) from state_history where article_id = ?)",
                        clip(actor, 100), articleId);
            }
            return null;
        });
    }

    @Override
    public Optional<Article> findArticle(String articleId) {
        return database.query("select r.body_json from article a join article_revision r"
                        + " on r.article_id = a.id and r.revision = a.current_revision where a.id = ?",
                rs -> fromJson(rs.getString(1)), articleId).stream().findFirst();
    }

    @Override
    public List<ArticleSummary> listArticles() {
        return database.query("select id, title, state, current_revision, last_error, updated_at from article order by created_at, id",
                rs -> new ArticleSummary(rs.getString(1), rs.getString(2), rs.getString(3).toLowerCase(Locale.ROOT),
                        rs.getInt(4), rs.getString(5), rs.getTimestamp(6).toInstant()));
    }

    @Override
    public Optional<ArticleSummary> findSummary(String articleId) {
        return database.query(SUMMARY + " where id = ?", JdbcArticleStore::summary, articleId).stream().findFirst();
    }

    @Override
    public List<ArticleSummary> listInState(ArticleState state) {
        return database.query(SUMMARY + " where state = ? order by updated_at, id", JdbcArticleStore::summary, state.name());
    }

    private static final String SUMMARY = "select id, title, state, current_revision, last_error, updated_at from article";

    private static ArticleSummary summary(ResultSet rs) throws SQLException {
        return new ArticleSummary(rs.getString(1), rs.getString(2), rs.getString(3).toLowerCase(Locale.ROOT),
                rs.getInt(4), rs.getString(5), rs.getTimestamp(6).toInstant());
    }

    @Override
    public java.util.Map<String, Integer> countByState() {
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        database.query("select state, count(*) from article group by state",
                rs -> counts.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getInt(2)));
        return counts;
    }

    /** State transitions of one article, oldest first, as "FROM -> TO: reason". */
    public List<String> history(String articleId) {
        return database.query("select from_state, to_state, reason from state_history where article_id = ? order by id",
                rs -> rs.getString(1) + " -> " + rs.getString(2) + ": " + rs.getString(3), articleId);
    }

    /** Held until commit: concurrent saves see each other's articles and revisions (see V6 migration). */
    private static void lockArticleIdentities(Connection connection) throws SQLException {
        firstString(connection, "select id from article_identity_lock where id = ? for update", 1);
    }

    /**
     * The article this content is a new revision of, if any. Candidates share its source key (the file name up
     * to the extension, or the feed guid) or its title; a candidate is taken only on evidence beyond that: one
     * of its files had the same name (compared in Unicode NFC, ignoring case), or its current text is
     * {@linkplain TextSimilarity#SAME_TEXT similar}. Generic titles ("Pressemelding") and file names
     * ("pressemelding.docx" next to "pressemelding.pdf"), and a feed guid that a CMS gives two items, are
     * shared by unrelated documents. Content without text (quarantined) needs the same file name.
     */
    private Optional<String> findArticleId(Connection connection, Received received, Article extracted) throws SQLException {
        String name = nameKey(received.sourceName());
        List<String[]> candidates = new java.util.ArrayList<>();
        String titleKey = extracted == null ? null : titleKey(extracted.title());
        try (PreparedStatement statement = connection.prepareStatement("select id, title_key from article"
                + " where source_key = ? or source_key like ? escape '!' or (title_key is not null and title_key = ?) order by created_at, id")) {
            statement.setString(1, received.sourceKey());
            statement.setString(2, received.sourceKey().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "#%");
            statement.setString(3, titleKey == null ? "" : titleKey);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) candidates.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        String text = extracted == null ? null : extracted.fullText();
        String best = null;
        double bestSimilarity = TextSimilarity.SAME_TEXT;
        for (String[] candidate : candidates) {
            String id = candidate[0];
            if (sourceNames(connection, id).contains(name)) return Optional.of(id);
            if (text == null) continue;
            Optional<String> current = firstString(connection, "select r.body_json from article a join article_revision r"
                    + " on r.article_id = a.id and r.revision = a.current_revision where a.id = ?", id);
            if (current.isEmpty()) continue;
            double similarity = TextSimilarity.similarity(fromJson(current.get()).fullText(), text);
            if (similarity >= bestSimilarity) {
                best = id;
                bestSimilarity = similarity + 1e-9;
            }
        }
        return Optional.ofNullable(best);
    }

    private static List<String> sourceNames(Connection connection, String id) throws SQLException {
        List<String> names = new java.util.ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("select source_file from content_hash where article_id = ?")) {
            statement.setString(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) names.add(nameKey(rs.getString(1)));
            }
        }
        return names;
    }

    /** The source key for a new article: its own, or, when an unrelated article holds it, the key with the new id. */
    private static String freeSourceKey(Connection connection, Received received, String id) throws SQLException {
        boolean taken = firstString(connection, "select id from article where source_key = ?", received.sourceKey()).isPresent();
        return taken ? received.sourceKey() + "#" + id : received.sourceKey();
    }

    /** File names compare in Unicode NFC (macOS writes "Årdal" decomposed, as NFD) and without case. */
    static String nameKey(String name) {
        return name == null ? "" : java.text.Normalizer.normalize(name.strip(), java.text.Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    private static String newArticleId(Received received) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((received.sourceKey() + '\n' + received.contentHash()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String titleKey(String title) {
        return title == null ? null : title.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static void insertArticle(Connection connection, String id, String sourceKey, String title,
                                      ArticleState state, Timestamp now) throws SQLException {
        Sql.update(connection, "insert into article (id, source_key, title, title_key, state, current_revision, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)",
                id, sourceKey, title, matchesByTitle(state) ? titleKey(title) : null, state.name(),
                state == ArticleState.QUARANTINED ? 0 : 1, now, now);
    }

    /** Quarantined and skipped articles are no candidates for later content that happens to share the title. */
    private static boolean matchesByTitle(ArticleState state) {
        return state != ArticleState.QUARANTINED && state != ArticleState.SKIPPED;
    }

    private static void insertContent(Connection connection, Received received, String id, int revision,
                                      String outcome, Timestamp now) throws SQLException {
        Sql.update(connection, "insert into content_hash (hash, article_id, revision, outcome, source_file, received_at)"
                + " values (?, ?, ?, ?, ?, ?)", received.contentHash(), id, revision, outcome, received.sourceName(), now);
    }

    private static void insertHistory(Connection connection, String id, int revision, String from, ArticleState to,
                                      String reason, Timestamp now) throws SQLException {
        insertHistory(connection, id, revision, from, to, reason, now, null);
    }

    /** With {@code afterCommit} non-null, the transition is logged once the caller has committed, not now. */
    private static void insertHistory(Connection connection, String id, int revision, String from, ArticleState to,
                                      String reason, Timestamp now, List<Runnable> afterCommit) throws SQLException {
        Sql.update(connection, "insert into state_history (article_id, revision, from_state, to_state, reason, at)"
                + " values (?, ?, ?, ?, ?, ?)", id, revision, from, to.name(), clip(reason), now);
        if (afterCommit == null) logTransition(id, revision, from, to, reason);
        else afterCommit.add(() -> logTransition(id, revision, from, to, reason));
    }

    /** The one log line per stage transition per article, with the article id in the MDC for grep and log search. */
    private static void logTransition(String id, int revision, String from, ArticleState to, String reason) {
        String previous = MDC.get("articleId");
        MDC.put("articleId", id);
        try {
            String fromLabel = from == null ? "new" : from.toLowerCase(Locale.ROOT);
            if (to == ArticleState.FAILED) {
                TRANSITIONS.warn("Article {} revision {}: {} -> failed: {} (fix the cause, then 'tolk retry {}')",
                        id, revision, fromLabel, reason, id);
            } else if (to == ArticleState.QUARANTINED) {
                TRANSITIONS.warn("Article {}: {} -> quarantined: {} (fix the file in quarantine/, see its .error.txt, and drop it into inbox/ again)",
                        id, fromLabel, reason);
            } else {
                TRANSITIONS.info("Article {} revision {}: {} -> {}{}", id, revision, fromLabel, to.label(), reason == null ? "" : " (" + reason + ")");
            }
        } finally {
            if (previous == null) MDC.remove("articleId");
            else MDC.put("articleId", previous);
        }
    }

    private static int currentRevision(Connection connection, String id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select current_revision from article where id = ?")) {
            statement.setString(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) throw new IllegalArgumentException("no article with id " + id);
                return rs.getInt(1);
            }
        }
    }

    private static String stateOf(Connection connection, String id) throws SQLException {
        return firstString(connection, "select state from article where id = ?", id)
                .orElseThrow(() -> new IllegalArgumentException("no article with id " + id));
    }

    private static Optional<String> firstString(Connection connection, String sql, Object parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }

    private static String archived(Received received) {
        return received.archivedCopy() == null ? null : received.archivedCopy().toString();
    }

    private static String clip(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 3997) + "...";
    }

    private static String clip(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    private static String toJson(Article article) {
        try {
            return ArticleJson.mapper().writeValueAsString(article);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("article not serialisable", e);
        }
    }

    private static Article fromJson(String json) {
        try {
            return ArticleJson.mapper().readValue(json, Article.class);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored article is unreadable: " + e.getMessage(), e);
        }
    }

}
