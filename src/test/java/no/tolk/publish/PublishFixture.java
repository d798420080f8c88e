package no.tolk.publish;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import no.tolk.article.Article;
import no.tolk.article.ArticleState;
import no.tolk.article.Block;
import no.tolk.article.BlockType;
import no.tolk.article.Received;
import no.tolk.publish.cms.CmsPublisher;
import no.tolk.publish.social.PostComposer;
import no.tolk.publish.social.SocialChannels;
import no.tolk.store.Database;
import no.tolk.store.JdbcArticleStore;
import no.tolk.store.JdbcPublicationLedger;

/** A Tolk home with its real database, articles put straight into the store, and translations in memory. */
final class PublishFixture implements AutoCloseable {

    final Path home;
    final DataSource dataSource;
    final JdbcArticleStore store;
    final JdbcPublicationLedger ledger;
    final InMemoryTranslationStore translations = new InMemoryTranslationStore();
    final List<Duration> pauses = new CopyOnWriteArrayList<>();

    PublishFixture(Path home) {
        this.home = home;
        this.dataSource = Database.open(Database.defaultUrl(home), "", "");
        this.store = new JdbcArticleStore(dataSource);
        this.ledger = new JdbcPublicationLedger(dataSource, Clock.systemUTC());
    }

    static PublishSettings settings(int maxAttempts, boolean reannounce) {
        return new PublishSettings("immediate", maxAttempts, Duration.ofMillis(100), 2, reannounce, Duration.ofMinutes(5));
    }

    /** A new process over the same home: nothing carried over in memory except the channels' and CMS's own state. */
    PublishingRun run(CmsPublisher cms, SocialChannels channels, PublishSettings settings) {
        return new PublishingRun(store, () -> translations, ledger, cms, channels, new PostComposer(java.util.Map.of()),
                settings, pauses::add, Clock.systemUTC());
    }

    /** Stores the Norwegian article (a new revision when the source key is known), its translation, and a state. */
    Article article(String sourceKey, String norwegianTitle, String englishTitle, ArticleState state) {
        return article(sourceKey, norwegianTitle, englishTitle, state, "Sesongen startet tidlig i år, " + norwegianTitle + ".");
    }

    /** As {@link #article(String, String, String, ArticleState)}, with a body of its own (another article, not a revision). */
    Article article(String sourceKey, String norwegianTitle, String englishTitle, ArticleState state, String body) {
        Article norwegian = new Article(null, 0, sourceKey + ".txt", "nb", norwegianTitle, "Ingressen forteller det viktigste.",
                "Kari Nordmann", LocalDate.of(2026, 8, 14), null, List.of(), List.of(),
                List.of(new Block(BlockType.PARAGRAPH, body)));
        Article stored = store.saveExtracted(new Received(sourceKey + ".txt", sourceKey, UUID.randomUUID().toString().replace("-", ""), null), norwegian);
        Article english = new Article(stored.id(), stored.revision(), stored.sourceFile(), "en", englishTitle,
                "The lead tells what matters most.", "Kari Nordmann", stored.published(), null, List.of(), List.of(),
                List.of(new Block(BlockType.PARAGRAPH, "The season started early this year, " + englishTitle + ".")));
        translations.put(english);
        store.changeState(stored.id(), ArticleState.TRANSLATED, "translated by the test");
        if (state != ArticleState.TRANSLATED) store.changeState(stored.id(), state, "set by the test");
        return stored;
    }

    /** Closes the embedded database, so the temporary home can be deleted without H2 writing a trace file into it. */
    @Override
    public void close() throws Exception {
        shutDown(dataSource);
    }

    /** Closes a home's embedded database, so another process (or the temporary folder's clean-up) can have it. */
    static void shutDown(DataSource embedded) throws Exception {
        try (var connection = embedded.getConnection(); var statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
        ((org.h2.jdbcx.JdbcConnectionPool) embedded).dispose();
    }

    String state(String articleId) {
        return store.listArticles().stream().filter(a -> a.id().equals(articleId)).findFirst().orElseThrow().state();
    }
}
