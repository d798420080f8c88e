package no.tolk.translate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import no.tolk.article.Article;
import no.tolk.article.ArticleState;
import no.tolk.article.Block;
import no.tolk.article.BlockType;
import no.tolk.article.Received;
import no.tolk.extract.LanguageIdentifier;
import no.tolk.store.Database;
import no.tolk.store.JdbcArticleStore;
import no.tolk.store.JdbcTranslationStore;
import no.tolk.translate.engine.Secrets;
import no.tolk.translate.engine.TranslationEngines;
import no.tolk.translate.xliff.XliffTranslator;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The translation stage over an in-memory database, a DeepL stub (WireMock with a phrase book),
 * the shipped glossary, an XLIFF folder and a clock the test moves.
 */
final class StageHarness implements AutoCloseable {

    static final String KEY = "0a1b2c3d-4e5f-6789-abcd-ef0123456789:fx";
    static final LanguageIdentifier LANGUAGES = new LanguageIdentifier();

    final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T10:00:00Z"));
    final FakeDeepL deepl = new FakeDeepL(Articles.PHRASES);
    final WireMockServer server = new WireMockServer(options().dynamicPort().extensions(deepl));
    final CamelContext camel = new DefaultCamelContext();
    final DataSource dataSource = Database.open("jdbc:h2:mem:stage-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "");
    final JdbcArticleStore articles = new JdbcArticleStore(dataSource, clock);
    final JdbcTranslationStore translations = new JdbcTranslationStore(dataSource, clock);
    final List<Duration> sleeps = new ArrayList<>();
    final Path home;
    final XliffTranslator xliff;
    private int received;

    StageHarness(Path home) {
        this.home = home;
        this.xliff = new XliffTranslator(home.resolve("translations"));
        server.start();
        camel.start();
        server.stubFor(get(urlPathEqualTo("/v3/glossaries")).willReturn(okJson("{\"glossaries\":[]}")));
        server.stubFor(post(urlPathEqualTo("/v3/glossaries")).willReturn(okJson(
                "{\"glossary_id\":\"def3a26b-3e84-45b3-84ae-0c0aaf3525f7\",\"name\":\"tolk\",\"dictionaries\":[]}")));
    }

    void deeplTranslates() {
        server.stubFor(post(urlPathEqualTo("/v2/translate")).willReturn(aResponse().withTransformers(FakeDeepL.NAME)));
    }

    TranslationStage stage(String chain, Map<String, String> extraProperties) {
        return stage(chain, extraProperties, Map.of(), Map.of());
    }

    /** A stage with target languages per article language and engine chains per pair (e.g. nb-nn -> apertium). */
    TranslationStage stage(String chain, Map<String, String> extraProperties, Map<String, List<String>> targetsBySource,
                           Map<String, List<String>> chainsByPair) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("tolk.translate.deepl.url", server.baseUrl());
        properties.put("tolk.translate.retry.max-attempts", "1");
        properties.putAll(extraProperties);
        TranslationEngines engines = new TranslationEngines(camel, key -> Optional.ofNullable(properties.get(key)),
                new Secrets(Map.of("DEEPL_AUTH_KEY", KEY)), clock, sleeps::add);
        Map<String, Long> budgets = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            if (key.endsWith(".monthly-budget")) budgets.put(key.split("\\.")[2], Long.parseLong(value));
        });
        TranslationSettings settings = new TranslationSettings(List.of("en"), TranslateStageConfiguration.names(chain),
                budgets, Duration.ofHours(1), home.resolve("glossary"), targetsBySource, chainsByPair);
        return new TranslationStage(articles, translations, xliff, engines::create, new QualityGate(LANGUAGES), settings, clock);
    }

    TranslationStage stage(String chain) {
        return stage(chain, Map.of());
    }

    /** Stores the article as the ingest stage would (a new article, or a revision when the title matches). */
    Article extracted(Article article) {
        received++;
        String name = "artikkel-" + received + ".txt";
        return articles.saveExtracted(new Received(name, "source-" + received, "hash-" + received, null), article);
    }

    /** Stores the article as a new revision of the article from the same source. */
    Article revised(Article article, String sourceOf) {
        received++;
        return articles.saveExtracted(new Received("rev-" + received + ".txt", sourceOf, "hash-" + received, null), article);
    }

    ArticleState state(String articleId) {
        return articles.listArticles().stream().filter(a -> a.id().equals(articleId)).findFirst()
                .map(a -> ArticleState.valueOf(a.state().toUpperCase())).orElseThrow();
    }

    String lastError(String articleId) {
        return articles.listArticles().stream().filter(a -> a.id().equals(articleId)).findFirst().orElseThrow().lastError();
    }

    List<LoggedRequest> translateRequests() {
        List<LoggedRequest> requests = new ArrayList<>(server.getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> r.getUrl().startsWith("/v2/translate")).toList());
        java.util.Collections.reverse(requests);
        return requests;
    }

    long billedToday() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return translations.billedCharacters(today, today).getOrDefault("deepl", 0L);
    }

    @Override
    public void close() {
        camel.stop();
        server.stop();
    }

    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The test article, its revision, and the phrase book both the DeepL stub and the "human translator" use. */
    static final class Articles {

        static final String BOILERPLATE = "Les mer om klyngeprogrammet på https://www.example.no/klynger.";
        static final String CHANGED = "Avtalen ble signert på Hamar 4. mars 2025 etter nesten ett års forhandlinger.";
        static final Map<String, String> PHRASES = phrases();

        static Article article() {
            return new Article(null, 0, "klyngeavtale.txt", "nb", "Ny klyngeavtale sikrer vekst i Innlandet",
                    "Tolv bedrifter har signert en avtale om felles innkjøp av fornybar energi.", "Ingrid Berg",
                    LocalDate.of(2025, 3, 3), null, List.of(), List.of(), List.of(
                    new Block(BlockType.PARAGRAPH, "Avtalen ble signert på Hamar 3. mars 2025 etter nesten ett års forhandlinger."),
                    new Block(BlockType.PARAGRAPH, "Innovasjon Norge støtter næringsklyngen med 2,5 millioner kroner i år."),
                    new Block(BlockType.QUOTE, "– Konkurransekraft kan ikke kjøpes, den må bygges sammen, sier hun."),
                    new Block(BlockType.CAPTION, "Ingrid Berg og Ola Dahl signerte avtalen."),
                    new Block(BlockType.PARAGRAPH, BOILERPLATE)));
        }

        static Article revision() {
            Article article = article();
            List<Block> blocks = new ArrayList<>(article.blocks());
            blocks.set(0, new Block(BlockType.PARAGRAPH, CHANGED));
            return new Article(null, 0, article.sourceFile(), "nb", article.title(), article.lead(), article.author(),
                    article.published(), null, List.of(), List.of(), blocks);
        }

        /** A different article sharing only the boilerplate paragraph. */
        static Article other() {
            return new Article(null, 0, "energi.txt", "nb", "Energiselskapet bygger nytt kraftverk",
                    "Kraftverket skal stå ferdig om tre år og gi strøm til hele regionen.", "Ola Dahl",
                    null, null, List.of(), List.of(), List.of(new Block(BlockType.PARAGRAPH, BOILERPLATE)));
        }

        private static Map<String, String> phrases() {
            Map<String, String> phrases = new LinkedHashMap<>();
            phrases.put("Ny klyngeavtale sikrer vekst i Innlandet", "New cluster agreement secures growth in Innlandet");
            phrases.put("Tolv bedrifter har signert en avtale om felles innkjøp av fornybar energi.",
                    "Twelve companies have signed an agreement on the joint purchase of renewable energy.");
            phrases.put("Avtalen ble signert på Hamar 3. mars 2025 etter nesten ett års forhandlinger.",
                    "The agreement was signed in Hamar on 3 March 2025 after almost a year of negotiations.");
            phrases.put(CHANGED, "The agreement was signed in Hamar on 4 March 2025 after almost a year of negotiations.");
            phrases.put(" støtter næringsklyngen med 2,5 millioner kroner i år.",
                    " supports the business cluster with 2.5 million kroner this year.");
            phrases.put("– Konkurransekraft kan ikke kjøpes, den må bygges sammen, sier hun.",
                    "– Competitiveness cannot be bought, it must be built together, she says.");
            phrases.put(" signerte avtalen.", " signed the agreement.");
            phrases.put("Les mer om klyngeprogrammet på ", "Read more about the cluster programme at ");
            phrases.put("Energiselskapet bygger nytt kraftverk", "Energy company builds new power station");
            phrases.put("Kraftverket skal stå ferdig om tre år og gi strøm til hele regionen.",
                    "The power station is to be completed in three years and supply the whole region with electricity.");
            phrases.put(" og ", " and ");
            return phrases;
        }
    }
}
