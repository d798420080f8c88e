package no.tolk.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tolk.Samples;
import no.tolk.article.Article;
import no.tolk.article.ArticleState;
import no.tolk.article.Received;
import no.tolk.extract.ArticleExtractor;
import no.tolk.extract.ExtractionLimits;
import no.tolk.extract.LanguageIdentifier;
import no.tolk.publish.cms.RealWordPress;
import no.tolk.publish.cms.WordPressPublisher;
import no.tolk.publish.social.SocialChannels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every good sample of {@code samples/inbox/}, extracted by the real extractor, published with the publishing run to
 * Debian's WordPress ({@link RealWordPress}): one post per language, each linking to the other. The English side is
 * the extracted article with its title and lead marked as English, since this test is about publishing, not
 * translating. Prints the wall time of the run (4 articles at a time, as {@code tolk.publish.concurrency}'s default).
 */
class SamplesToRealWordPressTest {

    @TempDir
    Path home;

    @Test
    void everySampleIsPublishedOncePerLanguageAndLinked() throws Exception {
        RealWordPress wordpress = RealWordPress.start();
        wordpress.reset();
        wordpress.permalinks("/%postname%/");
        // havbruk-vesteralen.doc and .docx carry the same article: the second is its revision 2
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        try (PublishFixture fixture = new PublishFixture(home);
                ArticleExtractor extractor = new ArticleExtractor(ExtractionLimits.defaults(), new LanguageIdentifier())) {
            for (Path sample : Samples.good()) {
                Article norwegian = extractor.extract(sample);
                Article stored = fixture.store.saveExtracted(new Received(sample.getFileName().toString(), sample.getFileName().toString(),
                        UUID.randomUUID().toString().replace("-", ""), null), norwegian);
                fixture.translations.put(new Article(stored.id(), stored.revision(), stored.sourceFile(), "en", "English: " + stored.title(),
                        stored.lead() == null ? null : "English: " + stored.lead(), stored.author(), stored.published(), stored.revised(),
                        stored.images(), stored.tags(), stored.blocks()));
                fixture.store.changeState(stored.id(), ArticleState.TRANSLATED, "translated by the test");
                fixture.store.changeState(stored.id(), ArticleState.APPROVED, "approved by the test");
                ids.add(stored.id());
            }
            PublishingRun run = fixture.run(new WordPressPublisher(wordpress.settings("publish"), Clock.systemUTC()),
                    new SocialChannels(List.of()),
                    new PublishSettings("immediate", 3, Duration.ofMillis(500), 4, false, Duration.ofMinutes(5)));

            long started = System.nanoTime();
            int published = run.publishApproved();
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.println("SamplesToRealWordPressTest: " + Samples.good().size() + " samples (" + ids.size() + " articles) published to WordPress " + wordpress.version()
                    + " in " + millis + " ms");

            assertThat(published).isEqualTo(ids.size());
            for (String id : ids) {
                Map<String, String> post = new java.util.HashMap<>();
                for (String language : List.of("nb", "en")) {
                    List<String[]> rows = wordpress.sql("select ID, guid, post_content from wp_posts where post_type = 'post'"
                            + " and post_content like '<!-- tolk:article=" + id + " lang=" + language + " -->%'");
                    assertThat(rows).as("article %s (%s)", id, language).hasSize(1);
                    assertThat(fixture.ledger.find(id, "cms", language).orElseThrow().externalId()).isEqualTo(rows.get(0)[0]);
                    post.put(language, rows.get(0)[2]);
                }
                String nbUrl = fixture.ledger.find(id, "cms", "nb").orElseThrow().url();
                String enUrl = fixture.ledger.find(id, "cms", "en").orElseThrow().url();
                assertThat(post.get("nb")).contains("href=\"" + enUrl + "\" hreflang=\"en\"");
                assertThat(post.get("en")).contains("href=\"" + nbUrl + "\" hreflang=\"nb\"");
            }
            assertThat(wordpress.sql("select count(*) from wp_posts where post_type = 'post'").get(0)[0])
                    .isEqualTo(String.valueOf(2 * ids.size()));
        }
    }
}
