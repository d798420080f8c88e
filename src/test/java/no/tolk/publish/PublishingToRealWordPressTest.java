package no.tolk.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import no.tolk.article.Article;
import no.tolk.article.ArticleState;
import no.tolk.publish.cms.RealWordPress;
import no.tolk.publish.cms.WordPressPublisher;
import no.tolk.publish.social.SocialChannels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publishing run (ledger, retries, social announcements) against Debian's WordPress 6.1 ({@link RealWordPress}):
 * an outage is retried without a person, and a draft is not announced until it is public.
 */
class PublishingToRealWordPressTest {

    private static RealWordPress wordpress;

    @TempDir
    Path home;

    private PublishFixture fixture;

    @BeforeAll
    static void startWordPress() {
        wordpress = RealWordPress.start();
    }

    @BeforeEach
    void emptySite() {
        wordpress.reset();
        wordpress.permalinks("/%postname%/");
        fixture = new PublishFixture(home);
    }

    @AfterEach
    void close() throws Exception {
        wordpress.startApache();
        fixture.close();
    }

    private static PublishSettings settings(List<Duration> retrySchedule) {
        return new PublishSettings("immediate", 2, Duration.ofMillis(100), 2, false, Duration.ofMinutes(5), retrySchedule);
    }

    private List<String> posts() {
        return wordpress.sql("select concat(ID, ' ', post_name) from wp_posts where post_type = 'post' order by ID")
                .stream().map(row -> row[0]).toList();
    }

    @Test
    void anOutageIsRetriedByTheNextRunWithoutAPersonAndMakesNoDuplicate() throws Exception {
        RecordingChannel outbox = new RecordingChannel("outbox-mastodon", true);
        Article article = fixture.article("utbygging", "Klyngen får nytt anlegg", "The cluster gets a new plant", ArticleState.APPROVED);
        // the schedule's first wait is long: the poller's retry must wait for it, the nightly run need not
        PublishingRun run = fixture.run(new WordPressPublisher(wordpress.settings("publish"), Clock.systemUTC()),
                new SocialChannels(List.of(outbox)), settings(List.of(Duration.ofHours(1))));

        wordpress.stopApache();
        run.publishApproved();
        assertThat(fixture.state(article.id())).isEqualTo("failed");
        assertThat(fixture.ledger.find(article.id(), "cms", "nb")).hasValueSatisfying(cms -> {
            assertThat(cms.state()).isEqualTo(PublicationState.FAILED);
            assertThat(cms.outcomeUnknown()).isTrue();
            assertThat(cms.lastError()).contains("WordPress unreachable");
        });
        wordpress.startApache();
        assertThat(run.retryDue(false)).as("not due before the schedule's wait").isZero();
        assertThat(fixture.state(article.id())).isEqualTo("failed");

        assertThat(run.runNightly()).isEqualTo(1);

        assertThat(fixture.state(article.id())).isEqualTo("published");
        assertThat(posts()).containsExactly("1 klyngen-far-nytt-anlegg", "2 the-cluster-gets-a-new-plant");
        assertThat(outbox.posts).hasSize(2);
        assertThat(fixture.store.listArticles()).singleElement().satisfies(summary -> assertThat(summary.lastError()).isNull());
    }

    @Test
    void articlesWithOneTitlePublishedInOneRunGetPostsWithSlugsOfTheirOwn() throws Exception {
        List<Article> articles = new java.util.ArrayList<>();
        List<String> places = List.of("Brua over Sundet stengte i mars etter at inspektørene fant rust i bærebjelkene.",
                "Etter to år med omkjøring kan bilistene i Åsen igjen kjøre rett over elva.",
                "Gangbrua ved stasjonen har fått nytt dekke og lys, og skoleelevene slipper å gå rundt.",
                "Fylket har brukt 40 millioner kroner på å forsterke brua til ferjeleiet i Vik.",
                "Den gamle jernbanebrua i Holmen er gjort om til sykkelvei og åpner lørdag.");
        for (int i = 0; i < places.size(); i++) {
            articles.add(fixture.article("brua-" + i, "Brua åpner igjen", "The bridge opens again", ArticleState.APPROVED, places.get(i)));
        }
        PublishingRun run = fixture.run(new WordPressPublisher(wordpress.settings("publish"), Clock.systemUTC()),
                new SocialChannels(List.of()), new PublishSettings("immediate", 2, Duration.ofMillis(100), 4, false,
                        Duration.ofMinutes(5), List.of(Duration.ZERO)));

        run.publishApproved();

        for (Article article : articles) assertThat(fixture.state(article.id())).isEqualTo("published");
        List<String> slugs = wordpress.sql("select post_name from wp_posts where post_type = 'post'").stream().map(row -> row[0]).toList();
        assertThat(slugs).hasSize(10).doesNotHaveDuplicates();
        for (Article article : articles) {
            String nbUrl = fixture.ledger.find(article.id(), "cms", "nb").orElseThrow().url();
            String enUrl = fixture.ledger.find(article.id(), "cms", "en").orElseThrow().url();
            // each post's address is its own: the Norwegian and English addresses of one article are not another's
            for (Article other : articles) {
                if (other == article) continue;
                assertThat(fixture.ledger.find(other.id(), "cms", "nb").orElseThrow().url()).isNotEqualTo(nbUrl);
                assertThat(fixture.ledger.find(other.id(), "cms", "en").orElseThrow().url()).isNotEqualTo(enUrl);
            }
        }
    }

    @Test
    void thePollerRetriesAnOutageWhenTheScheduleSaysSo() throws Exception {
        Article article = fixture.article("kafe", "Ny kafé på torget", "New café in the square", ArticleState.APPROVED);
        PublishingRun run = fixture.run(new WordPressPublisher(wordpress.settings("publish"), Clock.systemUTC()),
                new SocialChannels(List.of()), settings(List.of(Duration.ZERO)));

        wordpress.stopApache();
        run.publishDue();
        assertThat(fixture.state(article.id())).isEqualTo("failed");
        wordpress.startApache();
        run.publishDue();

        assertThat(fixture.state(article.id())).isEqualTo("published");
        assertThat(posts()).hasSize(2);
    }

    @Test
    void aDraftIsNotAnnouncedUntilItIsPublicThenTheNextRunAnnouncesIt() throws Exception {
        RecordingChannel outbox = new RecordingChannel("outbox-mastodon", true);
        Article article = fixture.article("utkast", "Utkast til budsjett", "Draft budget", ArticleState.APPROVED);
        PublishingRun run = fixture.run(new WordPressPublisher(wordpress.settings("draft"), Clock.systemUTC()),
                new SocialChannels(List.of(outbox)), settings(List.of(Duration.ZERO)));

        run.publishApproved();

        assertThat(outbox.posts).as("a link to a draft answers 404 to the public").isEmpty();
        assertThat(fixture.state(article.id())).isEqualTo("published");
        assertThat(fixture.ledger.find(article.id(), "outbox-mastodon", "en")).hasValueSatisfying(row ->
                assertThat(row.lastError()).startsWith("waits until the CMS post is public (status draft: a person has to publish it)"));
        String nbPost = fixture.ledger.find(article.id(), "cms", "nb").orElseThrow().externalId();
        String enPost = fixture.ledger.find(article.id(), "cms", "en").orElseThrow().externalId();
        assertThat(wordpress.sql("select post_status from wp_posts where ID in (" + nbPost + ", " + enPost + ")"))
                .extracting(row -> row[0]).containsExactly("draft", "draft");

        run.retryDue(false);
        assertThat(outbox.posts).as("still a draft").isEmpty();

        // an editor publishes both posts in wp-admin
        wordpress.sql("update wp_posts set post_status = 'publish' where ID in (" + nbPost + ", " + enPost + ")");
        run.retryDue(false);

        assertThat(outbox.posts).hasSize(2);
        assertThat(outbox.posts).allSatisfy(post -> assertThat(wordpress.publicStatus(post.url().toString())).isEqualTo(200));
        assertThat(fixture.ledger.find(article.id(), "outbox-mastodon", "en")).hasValueSatisfying(row ->
                assertThat(row.state()).isEqualTo(PublicationState.PUBLISHED));
    }

    @Test
    void aScheduledPostWhoseScheduleWordPressMissedIsNotAnnouncedUntilWordPressPublishesIt() throws Exception {
        RecordingChannel outbox = new RecordingChannel("outbox-mastodon", true);
        Article article = fixture.article("planlagt", "Fergen går igjen", "The ferry runs again", ArticleState.APPROVED);
        PublishingRun run = fixture.run(new WordPressPublisher(wordpress.settings("future"), Clock.systemUTC()),
                new SocialChannels(List.of(outbox)), settings(List.of(Duration.ZERO)));
        run.publishApproved();
        assertThat(outbox.posts).as("scheduled for the next 06:00").isEmpty();
        String nbPost = fixture.ledger.find(article.id(), "cms", "nb").orElseThrow().externalId();
        String enPost = fixture.ledger.find(article.id(), "cms", "en").orElseThrow().externalId();

        // the time passes, WP-cron does not run: WordPress keeps both posts scheduled, their links answer 404
        wordpress.sql("update wp_posts set post_date_gmt = utc_timestamp() - interval 1 hour, post_date = now() - interval 1 hour"
                + " where ID in (" + nbPost + ", " + enPost + ")");
        run.retryDue(false);

        assertThat(outbox.posts).as("a link that answers 404 is not announced").isEmpty();
        assertThat(fixture.ledger.find(article.id(), "outbox-mastodon", "en")).hasValueSatisfying(row ->
                assertThat(row.lastError()).startsWith("waits until the CMS post is public (status future: its time")
                        .contains("has passed but WordPress has not published it (a missed schedule"));
        assertThat(wordpress.publicStatus(fixture.ledger.find(article.id(), "cms", "en").orElseThrow().url())).isEqualTo(404);

        // WP-cron runs at last (or an editor publishes): the next run announces both
        wordpress.sql("update wp_posts set post_status = 'publish' where ID in (" + nbPost + ", " + enPost + ")");
        run.retryDue(false);

        assertThat(outbox.posts).hasSize(2);
        assertThat(outbox.posts).allSatisfy(post -> assertThat(wordpress.publicStatus(post.url().toString())).isEqualTo(200));
    }

    @Test
    void publishNowTriesAnArticleOnceAndCountsItOnce() throws Exception {
        RecordingChannel outbox = new RecordingChannel("outbox-mastodon", true);
        Article down = fixture.article("nede", "Nettet var nede", "The network was down", ArticleState.APPROVED);
        PublishingRun outage = fixture.run(new WordPressPublisher(wordpress.settings("publish"), Clock.systemUTC()),
                new SocialChannels(List.of()), settings(List.of(Duration.ZERO)));

        wordpress.stopApache();
        assertThat(outage.runNightly()).isZero();
        wordpress.startApache();

        assertThat(fixture.ledger.find(down.id(), "cms", "nb")).hasValueSatisfying(cms ->
                assertThat(cms.attempts()).as("max-attempts (2) once, not again by the same command's retry pass").isEqualTo(2));
        assertThat(posts()).isEmpty();

        // drafts: published to WordPress, their announcements wait; each article tried and counted once (the one the
        // outage left failed is retried by this run's first pass, not again by its retry pass)
        Article draft = fixture.article("utkast2", "Utkast til plan", "Draft plan", ArticleState.APPROVED);
        PublishingRun drafts = fixture.run(new WordPressPublisher(wordpress.settings("draft"), Clock.systemUTC()),
                new SocialChannels(List.of(outbox)), settings(List.of(Duration.ZERO)));

        assertThat(drafts.runNightly()).isEqualTo(2);

        assertThat(posts()).hasSize(4);
        for (Article article : List.of(down, draft)) {
            assertThat(fixture.state(article.id())).isEqualTo("published");
            assertThat(fixture.ledger.find(article.id(), "cms", "en")).hasValueSatisfying(cms -> assertThat(cms.attempts()).isEqualTo(1));
        }
        assertThat(outbox.posts).isEmpty();
    }
}
