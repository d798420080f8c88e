package no.tolk.review;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import no.tolk.article.Article;
import no.tolk.article.Block;
import no.tolk.article.BlockType;
import no.tolk.article.Received;
import no.tolk.extract.LanguageIdentifier;
import no.tolk.publish.LedgerReviewDesk;
import no.tolk.publish.Pause;
import no.tolk.publish.PublishSettings;
import no.tolk.publish.PublishingRun;
import no.tolk.publish.ReviewGate;
import no.tolk.publish.cms.ReviewPreview;
import no.tolk.publish.cms.StaticSitePublisher;
import no.tolk.publish.social.OutboxChannel;
import no.tolk.publish.social.Platform;
import no.tolk.publish.social.PostComposer;
import no.tolk.publish.social.SocialChannels;
import no.tolk.store.Database;
import no.tolk.store.JdbcArticleStore;
import no.tolk.store.JdbcPublicationLedger;
import no.tolk.store.JdbcTranslationStore;
import no.tolk.translate.EngineCapabilities;
import no.tolk.translate.QualityGate;
import no.tolk.translate.Segment;
import no.tolk.translate.SegmentCorrection;
import no.tolk.translate.TranslationResult;
import no.tolk.translate.TranslationSettings;
import no.tolk.translate.TranslationStage;
import no.tolk.translate.Translator;
import no.tolk.translate.Usage;
import no.tolk.translate.xliff.XliffTranslator;

/**
 * A Tolk home with its real database, the real translation stage (with a dictionary engine that translates known
 * Norwegian sentences, standing in for a machine engine), the real quality gate, review gate, static site, outbox
 * and publishing run, and the desk over them.
 */
final class DeskFixture implements AutoCloseable {

    static final LanguageIdentifier LANGUAGES = new LanguageIdentifier();

    final Path home;
    final DataSource dataSource;
    final JdbcArticleStore articles;
    final JdbcTranslationStore translations;
    final JdbcPublicationLedger ledger;
    final ReviewPreview preview;
    final ReviewGate gate;
    final LedgerReviewDesk desk;
    final PublishingRun publishing;
    final TranslationStage stage;
    final Accounts accounts;
    final Map<String, String> dictionary = new ConcurrentHashMap<>();
    final AtomicInteger engineCalls = new AtomicInteger();
    final List<String> engineSegments = new ArrayList<>();
    DeskServer server;

    DeskFixture(Path home, String siteBaseUrl) {
        this(home, siteBaseUrl, List.of("en"));
    }

    /** @param targets the translation stage's target languages, e.g. {@code en, nn} */
    DeskFixture(Path home, String siteBaseUrl, List<String> targets) {
        this.home = home;
        this.dataSource = Database.open(Database.defaultUrl(home), "", "");
        Clock clock = Clock.systemUTC();
        this.articles = new JdbcArticleStore(dataSource, clock);
        this.translations = new JdbcTranslationStore(dataSource, clock);
        this.ledger = new JdbcPublicationLedger(dataSource, clock);
        this.preview = new ReviewPreview(home.resolve("site"));
        this.gate = new ReviewGate(articles, () -> translations, preview, true);
        this.desk = new LedgerReviewDesk(articles, ledger, PublishSettings.IMMEDIATE, () -> translations, clock);
        SocialChannels channels = new SocialChannels(List.of(new OutboxChannel(home.resolve("outbox/social"), Platform.MASTODON,
                Platform.MASTODON.defaultRule(), Set.of("nb", "en"))));
        this.publishing = new PublishingRun(articles, () -> translations, ledger,
                new StaticSitePublisher(home.resolve("site"), home.resolve("site/content"), siteBaseUrl), channels,
                new PostComposer(Map.of()), new PublishSettings("immediate", 1, Duration.ofMillis(10), 1, false, Duration.ofMinutes(1)),
                Pause.SLEEP, clock);
        TranslationSettings settings = new TranslationSettings(targets, List.of("dictionary"), Map.of(), Duration.ofHours(1),
                home.resolve("glossary"));
        this.stage = new TranslationStage(articles, translations, new XliffTranslator(home.resolve("translations")),
                name -> new DictionaryEngine(), new QualityGate(LANGUAGES), settings, clock);
        this.accounts = new Accounts(home.resolve("desk-users.txt"));
    }

    /** Stores a Norwegian article as freshly extracted. */
    Article extracted(String source, String title, String lead, List<Block> blocks) {
        Article norwegian = new Article(null, 0, source, "nb", title, lead, null, LocalDate.of(2026, 5, 2), null, List.of(), List.of(), blocks);
        return articles.saveExtracted(new Received(source, source, UUID.randomUUID().toString().replace("-", ""), null), norwegian);
    }

    static Block paragraph(String text) {
        return new Block(BlockType.PARAGRAPH, text);
    }

    /** What the pipeline's pollers do: translate what is due, then the review gate. */
    void translateAndReview() {
        stage.runPending();
        gate.reviewTranslated();
    }

    String state(String id) {
        return articles.listArticles().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow().state();
    }

    String lastError(String id) {
        return articles.listArticles().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow().lastError();
    }

    DeskService service() {
        return new DeskService(articles, translations, ledger, desk,
                new SegmentCorrection(translations, new QualityGate(LANGUAGES), home.resolve("glossary"), Clock.systemUTC()),
                preview, () -> publishing, dataSource, home, Clock.systemUTC());
    }

    DeskServer startDesk() throws Exception {
        DeskService service = service();
        server = DeskServer.start("127.0.0.1", 0, service, accounts,
                new Sessions(Duration.ofHours(1), Duration.ofMinutes(15), Clock.systemUTC()), false);
        return server;
    }

    String deskUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() throws Exception {
        if (server != null) server.close();
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
        ((org.h2.jdbcx.JdbcConnectionPool) dataSource).dispose();
    }

    /** Translates sentences it knows (as a machine engine would, every call the same answer); anything else in brackets. */
    private final class DictionaryEngine implements Translator {

        @Override
        public String name() {
            return "dictionary";
        }

        @Override
        public EngineCapabilities capabilities() {
            return new EngineCapabilities(50, 100_000, false, true);
        }

        @Override
        public TranslationResult translate(no.tolk.translate.TranslationRequest request) {
            engineCalls.incrementAndGet();
            List<Segment> out = new ArrayList<>();
            long characters = 0;
            for (Segment segment : request.segments()) {
                synchronized (engineSegments) {
                    engineSegments.add(segment.text());
                }
                characters += segment.text().length();
                // "nn:" + text is the entry for that target language; a plain entry serves any target
                String known = dictionary.getOrDefault(request.targetLanguage() + ":" + segment.text(), dictionary.get(segment.text()));
                out.add(new Segment(segment.id(), known == null ? "[" + segment.text() + "]" : known));
            }
            return new TranslationResult(out, new Usage("dictionary", null, characters, 1));
        }
    }
}
