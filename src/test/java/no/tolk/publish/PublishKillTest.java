package no.tolk.publish;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import no.tolk.ExternalProcess;
import no.tolk.article.Article;
import no.tolk.article.ArticleState;
import no.tolk.article.Block;
import no.tolk.article.BlockType;
import no.tolk.article.Received;
import no.tolk.publish.cms.Slug;
import no.tolk.store.ArticleSummary;
import no.tolk.store.Database;
import no.tolk.store.JdbcArticleStore;
import no.tolk.store.JdbcPublicationLedger;
import no.tolk.store.JdbcTranslationStore;
import no.tolk.translate.Translation;
import no.tolk.translate.Usage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tolk publish-now} as a separate JVM, killed with SIGKILL while WordPress is creating the English post
 * (the request has arrived, the answer has not), then run again: the post is found by its slug and updated,
 * never created a second time.
 */
class PublishKillTest {

    private static final String NB_TITLE = "Rekordår for blåbær på Røros";
    private static final String EN_TITLE = "Record year for blueberries in Røros";

    @TempDir
    Path home;

    private final WordPressStub wordpress = new WordPressStub();

    @AfterEach
    void stopWordPress() {
        wordpress.close();
    }

    @Test
    void aPublishingRunKilledWhileWordPressCreatesAPostLeavesOnePostPerLanguageAfterTheRestart() throws Exception {
        String articleId = approvedArticleWithTranslation();
        String nbSlug = Slug.of(NB_TITLE);
        String enSlug = Slug.of(EN_TITLE);
        wordpress.expectPost("nb", NB_TITLE, 101, 0);
        wordpress.expectPost("en", EN_TITLE, 102, 0, 60_000);

        try (ExternalProcess first = publishNow()) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                    .until(() -> !creates(enSlug).isEmpty() || !first.isAlive());
            assertThat(creates(enSlug)).as(first.output()).hasSize(1);
            first.kill();
        }
        Optional<Publication> afterKill = inDatabase(database -> new JdbcPublicationLedger(database, Clock.systemUTC())
                .find(articleId, "cms", "en"));
        assertThat(afterKill).hasValueSatisfying(lost -> {
            assertThat(lost.outcomeUnknown()).as("the attempt was recorded before the call, its outcome never").isTrue();
            assertThat(lost.externalId()).isNull();
        });

        try (ExternalProcess second = publishNow()) {
            assertThat(second.awaitExit(Duration.ofSeconds(90))).as(second.output()).isZero();
        }

        assertThat(creates(nbSlug)).as("one POST /posts for the Norwegian post").hasSize(1);
        assertThat(creates(enSlug)).as("one POST /posts for the English post, never a second").hasSize(1);
        assertThat(wordpress.updatesOf(102)).as("the English post, found by its slug, is updated").isNotEmpty();
        Optional<Publication> afterRestart = inDatabase(database -> new JdbcPublicationLedger(database, Clock.systemUTC())
                .find(articleId, "cms", "en"));
        List<ArticleSummary> articles = inDatabase(database -> new JdbcArticleStore(database).listArticles());
        assertThat(afterRestart).hasValueSatisfying(found -> {
            assertThat(found.externalId()).isEqualTo("102");
            assertThat(found.state()).isEqualTo(PublicationState.PUBLISHED);
        });
        assertThat(articles).singleElement().satisfies(article -> assertThat(article.state()).isEqualTo("published"));
    }

    private List<?> creates(String slug) {
        return wordpress.server.findAll(postRequestedFor(urlEqualTo(WordPressStub.POSTS))
                .withRequestBody(containing("\"slug\":\"" + slug + "\"")));
    }

    private ExternalProcess publishNow() {
        Map<String, String> environment = Map.of(
                "TOLK_CMS_TYPE", "wordpress",
                "TOLK_CMS_WORDPRESS_URL", wordpress.server.baseUrl() + "/",
                "TOLK_CMS_WORDPRESS_UPLOAD_IMAGES", "false",
                "WORDPRESS_USER", "editor",
                "WORDPRESS_APP_PASSWORD", "abcd efgh ijkl mnop",
                "TOLK_HTTP_PORT", "0");
        return ExternalProcess.start(home, environment, List.of("-Xmx512m"), "publish-now", "--home", home.toString());
    }

    /** Stored through the real stores, then the database is shut down so the separate process owns it. */
    private String approvedArticleWithTranslation() throws Exception {
        DataSource database = database();
        JdbcArticleStore store = new JdbcArticleStore(database);
        Article norwegian = new Article(null, 0, "blabaer.txt", "nb", NB_TITLE, "Bærsesongen startet tidlig.", "Kari Nordmann",
                LocalDate.of(2026, 8, 14), null, List.of(), List.of(),
                List.of(new Block(BlockType.PARAGRAPH, "Plukkerne på Røros har aldri sett så mye blåbær.")));
        Article stored = store.saveExtracted(new Received("blabaer.txt", "blabaer", UUID.randomUUID().toString(), null), norwegian);
        Article english = new Article(stored.id(), stored.revision(), stored.sourceFile(), "en", EN_TITLE,
                "The berry season started early.", "Kari Nordmann", stored.published(), null, List.of(), List.of(),
                List.of(new Block(BlockType.PARAGRAPH, "Pickers in Røros have never seen so many blueberries.")));
        new JdbcTranslationStore(database, Clock.systemUTC()).save(new Translation(stored.id(), stored.revision(), "en", english,
                "xliff", Usage.none("xliff"), List.of(), Instant.now()));
        store.changeState(stored.id(), ArticleState.TRANSLATED, "translated by the test");
        store.changeState(stored.id(), ArticleState.APPROVED, "approved by the test");
        PublishFixture.shutDown(database);
        return stored.id();
    }

    /** Opens the home's database, reads, and shuts it down again, so that only one process holds it at a time. */
    private <T> T inDatabase(java.util.function.Function<DataSource, T> read) throws Exception {
        DataSource database = database();
        try {
            return read.apply(database);
        } finally {
            PublishFixture.shutDown(database);
        }
    }

    private DataSource database() {
        return Database.open(Database.defaultUrl(home), "", "");
    }

}
