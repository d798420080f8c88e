package no.tolk.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import no.tolk.ExternalProcess;
import no.tolk.article.Article;
import no.tolk.article.ArticleState;
import no.tolk.article.Block;
import no.tolk.article.BlockType;
import no.tolk.article.Received;
import no.tolk.publish.cms.RealWordPress;
import no.tolk.store.Database;
import no.tolk.store.JdbcArticleStore;
import no.tolk.store.JdbcPublicationLedger;
import no.tolk.store.JdbcTranslationStore;
import no.tolk.translate.Translation;
import no.tolk.translate.Usage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tolk publish-now} as a separate JVM against Debian's WordPress ({@link RealWordPress}), killed with SIGKILL at
 * random points, then run again: every trial ends with exactly one post per language in WordPress's database. Half
 * the trials kill while WordPress holds its answer to {@code POST /wp/v2/posts} after creating the post (the test
 * plugin's delay); the others kill after a random number of answered requests (1 to 8) plus up to 40 ms.
 * {@code -Dtolk.test.kill-trials=N} sets the number of trials (default 10).
 */
class RealWordPressKillTest {

    private static final String NB_TITLE = "Rekordår for blåbær på Røros";
    private static final String EN_TITLE = "Record year for blueberries in Røros";
    private static RealWordPress wordpress;

    @TempDir
    Path homes;

    @BeforeAll
    static void startWordPress() {
        wordpress = RealWordPress.start();
        wordpress.reset();
        wordpress.permalinks("/%postname%/");
    }

    @AfterAll
    static void noDelay() {
        if (wordpress != null) wordpress.delayAfterCreatingPosts(0);
    }

    @Test
    void sigkillAtRandomPointsNeverLeavesADuplicatePost() throws Exception {
        int trials = Integer.getInteger("tolk.test.kill-trials", 10);
        long seed = Long.getLong("tolk.test.kill-seed", System.nanoTime());
        Random random = new Random(seed);
        Path accessLog = Path.of(RealWordPress.STATE, "apache-access.log");
        List<String> outcomes = new ArrayList<>();
        for (int trial = 1; trial <= trials; trial++) {
            Path home = Files.createDirectories(homes.resolve("trial-" + trial));
            String articleId = approvedArticleWithTranslation(home);
            boolean holdAnswer = trial % 2 == 1;
            int requests = 1 + random.nextInt(8);
            int extraMillis = random.nextInt(40);
            wordpress.delayAfterCreatingPosts(holdAnswer ? 30 : 0);
            long logLinesBefore = lines(accessLog);
            String killedAt;
            try (ExternalProcess first = publishNow(home)) {
                if (holdAnswer) {
                    // the post is in the database, WordPress has not answered: kill now
                    await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(50))
                            .until(() -> posts(articleId, "nb") + posts(articleId, "en") > 0 || !first.isAlive());
                    killedAt = "while WordPress held its answer to the create of post " + (posts(articleId, "en") > 0 ? "en" : "nb");
                } else {
                    await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(20))
                            .until(() -> lines(accessLog) - logLinesBefore >= requests || !first.isAlive());
                    await().pollDelay(Duration.ofMillis(extraMillis)).atMost(Duration.ofSeconds(1)).until(() -> true);
                    killedAt = "after " + requests + " answered requests + " + extraMillis + " ms";
                }
                if (!first.isAlive()) killedAt += " (the run had already ended)";
                first.kill();
            }
            wordpress.delayAfterCreatingPosts(0);
            try (ExternalProcess second = publishNow(home)) {
                assertThat(second.awaitExit(Duration.ofSeconds(240))).as(second.output()).isZero();
            }
            long nb = posts(articleId, "nb");
            long en = posts(articleId, "en");
            outcomes.add("trial " + trial + ": killed " + killedAt + " -> posts nb=" + nb + " en=" + en);
            assertThat(nb).as("trial %d (seed %d), killed %s: Norwegian posts", trial, seed, killedAt).isEqualTo(1);
            assertThat(en).as("trial %d (seed %d), killed %s: English posts", trial, seed, killedAt).isEqualTo(1);
            DataSource database = Database.open(Database.defaultUrl(home), "", "");
            try {
                JdbcPublicationLedger ledger = new JdbcPublicationLedger(database, Clock.systemUTC());
                for (String language : List.of("nb", "en")) {
                    String stored = ledger.find(articleId, "cms", language).orElseThrow().externalId();
                    assertThat(wordpress.sql("select ID from wp_posts where post_type = 'post' and post_content like '<!-- tolk:article="
                            + articleId + " lang=" + language + " -->%'")).singleElement()
                            .satisfies(row -> assertThat(row[0]).as("the ledger's id is the post's").isEqualTo(stored));
                }
                assertThat(new JdbcArticleStore(database).listArticles()).singleElement()
                        .satisfies(article -> assertThat(article.state()).isEqualTo("published"));
            } finally {
                PublishFixture.shutDown(database);
            }
        }
        System.out.println("RealWordPressKillTest (seed " + seed + "):\n  " + String.join("\n  ", outcomes));
    }

    private static long posts(String articleId, String language) {
        return Long.parseLong(wordpress.sql("select count(*) from wp_posts where post_type = 'post' and post_content like"
                + " '<!-- tolk:article=" + articleId + " lang=" + language + " -->%'").get(0)[0]);
    }

    private static long lines(Path file) {
        try {
            if (!Files.exists(file)) return 0;
            try (var stream = Files.lines(file)) {
                return stream.count();
            }
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private ExternalProcess publishNow(Path home) {
        Map<String, String> environment = Map.of(
                "TOLK_CMS_TYPE", "wordpress",
                "TOLK_CMS_WORDPRESS_URL", wordpress.url().toString(),
                "TOLK_CMS_WORDPRESS_STATUS", "publish",
                "TOLK_CMS_WORDPRESS_UPLOAD_IMAGES", "false",
                "WORDPRESS_USER", wordpress.user(),
                "WORDPRESS_APP_PASSWORD", wordpress.applicationPassword(),
                "TOLK_HTTP_PORT", "0");
        return ExternalProcess.start(home, environment, List.of("-Xmx512m"), "publish-now", "--home", home.toString());
    }

    /** Stored through the real stores, then the database is shut down so the separate process owns it. */
    private static String approvedArticleWithTranslation(Path home) throws Exception {
        DataSource database = Database.open(Database.defaultUrl(home), "", "");
        JdbcArticleStore store = new JdbcArticleStore(database);
        Article norwegian = new Article(null, 0, "blabaer.txt", "nb", NB_TITLE, "Bærsesongen startet tidlig.", "Kari Nordmann",
                LocalDate.of(2026, 8, 14), null, List.of(), List.of("Røros"),
                List.of(new Block(BlockType.PARAGRAPH, "Plukkerne på Røros har aldri sett så mye blåbær.")));
        Article stored = store.saveExtracted(new Received("blabaer.txt", "blabaer", UUID.randomUUID().toString(), null), norwegian);
        Article english = new Article(stored.id(), stored.revision(), stored.sourceFile(), "en", EN_TITLE,
                "The berry season started early.", "Kari Nordmann", stored.published(), null, List.of(), List.of("Røros"),
                List.of(new Block(BlockType.PARAGRAPH, "Pickers in Røros have never seen so many blueberries.")));
        new JdbcTranslationStore(database, Clock.systemUTC()).save(new Translation(stored.id(), stored.revision(), "en", english,
                "xliff", Usage.none("xliff"), List.of(), Instant.now()));
        store.changeState(stored.id(), ArticleState.TRANSLATED, "translated by the test");
        store.changeState(stored.id(), ArticleState.APPROVED, "approved by the test");
        PublishFixture.shutDown(database);
        return stored.id();
    }
}
