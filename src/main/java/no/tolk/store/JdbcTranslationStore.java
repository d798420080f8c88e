package no.tolk.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import no.tolk.article.Article;
import no.tolk.article.ArticleJson;
import no.tolk.translate.QaFinding;
import no.tolk.translate.Rejection;
import no.tolk.translate.Translation;
import no.tolk.translate.TranslationStore;
import no.tolk.translate.Usage;

/** {@link TranslationStore} on plain JDBC, plus the translation memory, usage ledger and quota retry times. */
public class JdbcTranslationStore implements TranslationStore {

    private static final TypeReference<List<QaFinding>> FINDINGS = new TypeReference<>() {
    };

    private final Sql database;
    private final Clock clock;
    private final AtomicLong memoryLookups = new AtomicLong();
    private final AtomicLong memoryHits = new AtomicLong();

    public JdbcTranslationStore(DataSource dataSource, Clock clock) {
        this.database = new Sql(dataSource, "translation store");
        this.clock = clock;
    }

    @Override
    public Optional<Translation> find(String articleId, int revision, String language) {
        return database.query("select article_id, revision, language, article_json, engine, model, billed_characters, requests,"
                        + " qa_json, created_at from translation where article_id = ? and revision = ? and language = ?",
                JdbcTranslationStore::translation, articleId, revision, language).stream().findFirst();
    }

    @Override
    public List<Translation> findAll(String articleId) {
        return database.query("select t.article_id, t.revision, t.language, t.article_json, t.engine, t.model, t.billed_characters,"
                        + " t.requests, t.qa_json, t.created_at from translation t join article a"
                        + " on a.id = t.article_id and a.current_revision = t.revision where t.article_id = ? order by t.language",
                JdbcTranslationStore::translation, articleId);
    }

    /** Replaces any earlier translation of the same revision and language. */
    public void save(Translation translation) {
        save(translation, Map.of(), null);
    }

    /**
     * Stores the translation, the segments that passed QA (by source hash, for the translation memory)
     * and, when the engine was called, its usage, all in one transaction.
     */
    public void save(Translation translation, Map<String, String> passedBySourceHash, String sourceLanguage) {
        save(translation, passedBySourceHash, sourceLanguage, translation.engine());
    }

    /** As {@link #save(Translation, Map, String)}, with the memory entries credited to {@code memoryEngine} (e.g. {@code human:anna}). */
    public void save(Translation translation, Map<String, String> passedBySourceHash, String sourceLanguage, String memoryEngine) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        database.inTransaction(connection -> {
            Sql.update(connection, "delete from translation where article_id = ? and revision = ? and language = ?",
                    translation.articleId(), translation.revision(), translation.language());
            Sql.update(connection, "insert into translation (article_id, revision, language, engine, model, article_json,"
                            + " billed_characters, requests, qa_json, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    translation.articleId(), translation.revision(), translation.language(), translation.engine(),
                    translation.usage().model(), json(translation.article()), translation.usage().billedCharacters(),
                    translation.usage().requests(), json(translation.qa()), Timestamp.from(translation.createdAt()));
            if (!passedBySourceHash.isEmpty()) {
                remember(connection, passedBySourceHash, sourceLanguage, translation.language(),
                        memoryEngine.length() <= 40 ? memoryEngine : memoryEngine.substring(0, 40), now);
            }
            return null;
        });
    }

    /** Records the source text of memory entries (by source hash) that do not have it yet, so they can be exported as TMX. */
    public void rememberSources(Map<String, String> sourceBySourceHash, String sourceLanguage, String targetLanguage) {
        if (sourceBySourceHash.isEmpty()) return;
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("update translation_memory set source_text = ?"
                    + " where source_hash = ? and source_language = ? and target_language = ? and source_text is null")) {
                for (Map.Entry<String, String> entry : sourceBySourceHash.entrySet()) {
                    update.setString(1, entry.getValue());
                    update.setString(2, entry.getKey());
                    update.setString(3, sourceLanguage);
                    update.setString(4, targetLanguage);
                    update.addBatch();
                }
                update.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Map<String, Long> billedCharacters(LocalDate from, LocalDate to) {
        Map<String, Long> billed = new TreeMap<>();
        database.query("select engine, sum(billed_characters) from translation_usage where usage_day between ? and ? group by engine",
                rs -> billed.put(rs.getString(1), rs.getLong(2)), Date.valueOf(from), Date.valueOf(to));
        return billed;
    }

    /** Billed characters and requests per engine for one article (all revisions and languages). */
    public List<Usage> usageOf(String articleId) {
        return database.query("select engine, sum(billed_characters), sum(requests) from translation_usage where article_id = ?"
                        + " group by engine order by engine",
                rs -> new Usage(rs.getString(1), null, rs.getLong(2), rs.getInt(3)), articleId);
    }

    public void recordUsage(String articleId, String language, Usage usage) {
        Instant now = Instant.now(clock);
        database.inTransaction(connection -> {
            Sql.update(connection, "insert into translation_usage (article_id, language, engine, usage_day, billed_characters,"
                            + " requests, recorded_at) values (?, ?, ?, ?, ?, ?, ?)",
                    articleId, language, usage.engine(), Date.valueOf(LocalDate.ofInstant(now, ZoneOffset.UTC)),
                    usage.billedCharacters(), usage.requests(), Timestamp.from(now));
            return null;
        });
    }

    @Override
    public double memoryHitRate() {
        long lookups = memoryLookups.get();
        return lookups == 0 ? 0 : (double) memoryHits.get() / lookups;
    }

    /** Translations remembered for these source hashes (placeholdered text), by hash. */
    public Map<String, String> remembered(List<String> sourceHashes, String sourceLanguage, String targetLanguage) {
        Map<String, String> found = new TreeMap<>();
        List<String> distinct = sourceHashes.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += 100) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + 100));
            List<Object> parameters = new ArrayList<>(List.of(sourceLanguage, targetLanguage));
            parameters.addAll(chunk);
            database.query("select source_hash, target_text from translation_memory where source_language = ? and target_language = ?"
                            + " and source_hash in (" + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")",
                    rs -> found.put(rs.getString(1), rs.getString(2)), parameters.toArray());
        }
        memoryLookups.addAndGet(sourceHashes.size());
        memoryHits.addAndGet(sourceHashes.stream().filter(found::containsKey).count());
        return found;
    }

    private static void remember(Connection connection, Map<String, String> targetBySourceHash, String sourceLanguage,
                                 String targetLanguage, String engine, Timestamp now) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from translation_memory where source_hash = ?"
                + " and source_language = ? and target_language = ?");
             PreparedStatement insert = connection.prepareStatement("insert into translation_memory (source_hash,"
                     + " source_language, target_language, target_text, engine, created_at) values (?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, String> entry : targetBySourceHash.entrySet()) {
                delete.setString(1, entry.getKey());
                delete.setString(2, sourceLanguage);
                delete.setString(3, targetLanguage);
                delete.addBatch();
                insert.setString(1, entry.getKey());
                insert.setString(2, sourceLanguage);
                insert.setString(3, targetLanguage);
                insert.setString(4, entry.getValue());
                insert.setString(5, engine);
                insert.setTimestamp(6, now);
                insert.addBatch();
            }
            delete.executeBatch();
            insert.executeBatch();
        }
    }

    public void scheduleRetry(String articleId, Instant at, String reason) {
        database.inTransaction(connection -> {
            Sql.update(connection, "delete from translation_retry where article_id = ?", articleId);
            Sql.update(connection, "insert into translation_retry (article_id, next_attempt_at, reason) values (?, ?, ?)",
                    articleId, Timestamp.from(at), clip(reason));
            return null;
        });
    }

    public Optional<Instant> retryAt(String articleId) {
        return database.query("select next_attempt_at from translation_retry where article_id = ?",
                rs -> rs.getTimestamp(1).toInstant(), articleId).stream().findFirst();
    }

    /** The article moved on: no retry time, no last error. */
    public void resolved(String articleId) {
        database.inTransaction(connection -> {
            Sql.update(connection, "delete from translation_retry where article_id = ?", articleId);
            Sql.update(connection, "update article set last_error = null where id = ? and last_error is not null", articleId);
            return null;
        });
    }

    /** Shown by {@code status}; null clears it. */
    public void setLastError(String articleId, String error) {
        database.inTransaction(connection -> {
            Sql.update(connection, "update article set last_error = ? where id = ?", clip(error), articleId);
            return null;
        });
    }

    /** Records (or replaces) the rejection of a revision's translation. */
    @Override
    public void reject(Rejection rejection) {
        database.inTransaction(connection -> {
            Sql.update(connection, "delete from review_rejection where article_id = ? and revision = ?",
                    rejection.articleId(), rejection.revision());
            Sql.update(connection, "insert into review_rejection (article_id, revision, reason, actor, to_human, at) values (?, ?, ?, ?, ?, ?)",
                    rejection.articleId(), rejection.revision(), clip(rejection.reason()), rejection.actor(), rejection.toHuman(),
                    Timestamp.from(rejection.at()));
            return null;
        });
    }

    /** The rejection of this revision, if a reviewer rejected it. */
    @Override
    public Optional<Rejection> rejection(String articleId, int revision) {
        return database.query("select article_id, revision, reason, actor, to_human, at from review_rejection where article_id = ? and revision = ?",
                rs -> new Rejection(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                        rs.getTimestamp(6).toInstant()), articleId, revision).stream().findFirst();
    }

    /** Drops a stored translation (a rejected one that goes to human translators). */
    public void discard(String articleId, int revision, String language) {
        database.update("delete from translation where article_id = ? and revision = ? and language = ?", articleId, revision, language);
    }

    private static Translation translation(ResultSet rs) throws SQLException {
        try {
            Article article = ArticleJson.mapper().readValue(rs.getString(4), Article.class);
            List<QaFinding> qa = ArticleJson.mapper().readValue(rs.getString(9), FINDINGS);
            Usage usage = new Usage(rs.getString(5), rs.getString(6), rs.getLong(7), rs.getInt(8));
            return new Translation(rs.getString(1), rs.getInt(2), rs.getString(3), article, rs.getString(5), usage, qa,
                    rs.getTimestamp(10).toInstant());
        } catch (JsonProcessingException e) {
            throw new StoreException("stored translation is unreadable: " + e.getMessage(), e);
        }
    }

    private static String json(Object value) {
        try {
            return ArticleJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not serialisable: " + value.getClass().getSimpleName(), e);
        }
    }

    private static String clip(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 3997) + "...";
    }

}
