package no.tolk.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.tolk.article.Article;
import no.tolk.article.ArticleState;
import no.tolk.publish.cms.CmsPublisher;
import no.tolk.publish.cms.ReviewPreview;
import no.tolk.publish.cms.StaticSitePublisher;
import no.tolk.publish.social.OutboxChannel;
import no.tolk.publish.social.Platform;
import no.tolk.publish.social.SocialChannels;
import no.tolk.store.JdbcTranslationStore;
import no.tolk.translate.QualityGate;
import no.tolk.translate.TranslationSettings;
import no.tolk.translate.TranslationStage;
import no.tolk.translate.xliff.XliffTranslator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run by hand (issue 15): {@code mvn -o -q test -Dtest=DueWorkBench -Dtolk.bench=true}. Fills the embedded store with
 * 50,000 published articles ({@code -Dtolk.bench.archive=N}), then measures (lines starting with {@code BENCH} in
 * target/surefire-reports/no.tolk.publish.DueWorkBench-output.txt):
 * <ul>
 * <li>an idle poll of every database-polling stage (translation, review gate, approvals, publishing and its retries),
 *     the median of 200 rounds, against one read of the whole article table, which is what each of those polls cost
 *     before the due work was selected in SQL;</li>
 * <li>publishing runs of 100, 200 and 400 approved articles on top of that archive (static site and outbox), in time
 *     per article, which stays flat when the run is linear in the articles it publishes.</li>
 * </ul>
 */
@Tag("bench")
@EnabledIfSystemProperty(named = "tolk.bench", matches = "true")
class DueWorkBench {

    private static final int ARCHIVE = Integer.getInteger("tolk.bench.archive", 50_000);
    private static final int ROUNDS = 200;

    @TempDir
    Path home;

    @Test
    void idlePollsAndNightlyRunsOverALargeArchive() throws Exception {
        try (PublishFixture fixture = new PublishFixture(home)) {
            long filled = System.nanoTime();
            fillArchive(fixture);
            System.out.printf("BENCH archive of %d published articles stored in %.1f s%n", ARCHIVE, (System.nanoTime() - filled) / 1e9);

            TranslationSettings translationSettings = new TranslationSettings(List.of("en"), List.of("xliff"), Map.of(),
                    Duration.ofHours(1), home.resolve("glossary"));
            TranslationStage translate = new TranslationStage(fixture.store, new JdbcTranslationStore(fixture.dataSource, Clock.systemUTC()),
                    new XliffTranslator(home.resolve("translations")), name -> null,
                    new QualityGate(new no.tolk.extract.LanguageIdentifier()), translationSettings, Clock.systemUTC());
            ReviewGate gate = new ReviewGate(fixture.store, () -> fixture.translations, new ReviewPreview(home.resolve("site")), true);
            PublishingRun publishing = fixture.run(site(home), outbox(home), PublishFixture.settings(3, false));

            measure("full read of the article table (each poll before)", () -> fixture.store.listArticles().size());
            measure("translate poll (idle)", translate::runPending);
            measure("review gate poll (idle)", gate::reviewTranslated);
            measure("approvals poll (idle)", gate::collectApprovals);
            measure("publish poll with retries (idle)", publishing::publishDue);
            measure("all four polls (idle)", () -> translate.runPending() + gate.reviewTranslated() + gate.collectApprovals()
                    + publishing.publishDue());

            int batch = 0;
            for (int approved : new int[] {100, 200, 400}) {
                batch++;
                for (int i = 0; i < approved; i++) {
                    fixture.article("natt-" + batch + "-" + i, "Nattkjøring " + batch + " sak " + i, "Night run " + batch + " item " + i,
                            ArticleState.APPROVED, "Egen tekst " + batch + " nummer " + i + " om et eget tema.");
                }
                long started = System.nanoTime();
                int published = publishing.runNightly();
                double seconds = (System.nanoTime() - started) / 1e9;
                assertThat(published).isEqualTo(approved);
                System.out.printf("BENCH nightly run over the archive: %d approved articles in %.2f s = %.1f ms per article%n",
                        approved, seconds, 1000 * seconds / approved);
            }
        }
    }

    private interface Poll {
        int run() throws Exception;
    }

    private static void measure(String label, Poll poll) throws Exception {
        for (int i = 0; i < 20; i++) poll.run();
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            long started = System.nanoTime();
            poll.run();
            nanos.add(System.nanoTime() - started);
        }
        nanos.sort(null);
        System.out.printf("BENCH %s over %d articles: median %.2f ms, 90th percentile %.2f ms%n", label, ARCHIVE,
                nanos.get(ROUNDS / 2) / 1e6, nanos.get(ROUNDS * 9 / 10) / 1e6);
    }

    /** Published articles with one revision each, written in batches straight into the tables. */
    private static void fillArchive(PublishFixture fixture) throws Exception {
        Timestamp now = Timestamp.from(Instant.now().minus(Duration.ofDays(400)));
        try (Connection connection = fixture.dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement article = connection.prepareStatement("insert into article (id, source_key, title, title_key, state,"
                    + " current_revision, created_at, updated_at) values (?, ?, ?, ?, 'PUBLISHED', 1, ?, ?)");
                 PreparedStatement revision = connection.prepareStatement("insert into article_revision (article_id, revision,"
                         + " content_hash, source_file, language, title, body_json, created_at) values (?, 1, ?, ?, 'nb', ?, '{}', ?)")) {
                for (int i = 0; i < ARCHIVE; i++) {
                    String id = String.format("arkiv%027d", i);
                    article.setString(1, id);
                    article.setString(2, "arkiv-" + i);
                    article.setString(3, "Arkivsak " + i);
                    article.setString(4, "arkivsak " + i);
                    article.setTimestamp(5, now);
                    article.setTimestamp(6, now);
                    article.addBatch();
                    revision.setString(1, id);
                    revision.setString(2, String.format("%064d", i));
                    revision.setString(3, "arkiv-" + i + ".txt");
                    revision.setString(4, "Arkivsak " + i);
                    revision.setTimestamp(5, now);
                    revision.addBatch();
                    if (i % 1000 == 999) {
                        article.executeBatch();
                        revision.executeBatch();
                        connection.commit();
                    }
                }
                article.executeBatch();
                revision.executeBatch();
                connection.commit();
            }
        }
    }

    private static CmsPublisher site(Path home) {
        return new StaticSitePublisher(home.resolve("site"), home.resolve("site/content"), "https://news.example");
    }

    private static SocialChannels outbox(Path home) {
        return new SocialChannels(List.of(new OutboxChannel(home.resolve("outbox/social"), Platform.MASTODON,
                Platform.MASTODON.defaultRule(), Set.of("nb", "en"))));
    }
}
