package no.tolk.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.stream.Stream;
import no.tolk.article.Article;
import no.tolk.article.ArticleState;
import no.tolk.config.PipelineApplication;
import no.tolk.config.Settings;
import no.tolk.ops.PendingWork;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.JobKey;

/** The real application over a temporary home, with the translation stage's store replaced by one in memory. */
class PublishRouteTest {

    @TempDir
    Path home;

    @Test
    void theNightlyRoutePublishesOnlyApprovedArticlesWhenItsTriggerFires() throws Exception {
        PublishFixture fixture = new PublishFixture(home);
        Article approved = fixture.article("blabaer", "Rekordår for blåbær", "Record year for blueberries", ArticleState.APPROVED);
        Article inReview = fixture.article("tare", "Tare på Helgeland", "Kelp in Helgeland", ArticleState.IN_REVIEW);
        Article translated = fixture.article("havvind", "Havvind i Florø", "Offshore wind in Florø", ArticleState.TRANSLATED);

        Main main = start(fixture, "nightly");
        try {
            CamelContext context = main.getCamelContext();
            assertThat(context.getRoute("publish-nightly").getEndpoint().getEndpointUri())
                    .contains("cron=0+0+2+*+*+%3F").contains("timeZone=Europe%2FOslo");
            assertThat(context.getRegistry().findByType(PendingWork.class)).hasAtLeastOneElementOfType(PublishPendingWork.class);

            await().atMost(Duration.ofSeconds(20)).until(() -> fixture.state(translated.id()).equals("in_review"));
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                    .until(() -> fixture.state(approved.id()).equals("approved"));

            QuartzComponent quartz = context.getComponent("quartz", QuartzComponent.class);
            quartz.getScheduler().triggerJob(JobKey.jobKey("nightly", "tolk"));

            await().atMost(Duration.ofSeconds(30)).until(() -> fixture.state(approved.id()).equals("published"));
            assertThat(fixture.state(inReview.id())).isEqualTo("in_review");
            assertThat(fixture.state(translated.id())).isEqualTo("in_review");
            assertThat(home.resolve("site/content/nb/rekordar-for-blabaer.md")).exists();
            assertThat(Files.readString(home.resolve("site/content/en/record-year-for-blueberries.md")))
                    .contains("translationKey: \"" + approved.id() + "\"");
            try (Stream<Path> posts = Files.list(home.resolve("outbox/social/mastodon"))) {
                assertThat(posts.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt")))
                        .containsExactlyInAnyOrder(approved.id() + "-r1-nb.txt", approved.id() + "-r1-en.txt");
            }
            assertThat(Files.readString(home.resolve("outbox/social/mastodon/" + approved.id() + "-r1-en.txt")))
                    .contains("https://news.example/en/record-year-for-blueberries/");
        } finally {
            stop(main);
            fixture.close();
        }
    }

    @Test
    void inTheImmediateModeAnArticleIsPublishedOnceItsReviewMarkerIsMoved() throws Exception {
        PublishFixture fixture = new PublishFixture(home);
        Article article = fixture.article("blabaer", "Rekordår for blåbær", "Record year for blueberries", ArticleState.TRANSLATED);
        Main main = start(fixture, "immediate");
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> fixture.state(article.id()).equals("in_review"));
            assertThat(home.resolve("site/review/" + article.id() + ".html")).exists();

            Files.move(home.resolve("site/review/" + article.id() + ".approve"),
                    home.resolve("site/review/approved/" + article.id() + ".approve"));

            await().atMost(Duration.ofSeconds(20)).until(() -> fixture.state(article.id()).equals("published"));
            assertThat(fixture.store.history(article.id())).anyMatch(h -> h.contains("IN_REVIEW -> APPROVED: approved by moving the review marker"));
            assertThat(fixture.ledger.forArticle(article.id())).extracting(Publication::target)
                    .containsExactlyInAnyOrder("cms", "cms", "outbox-mastodon", "outbox-mastodon");
        } finally {
            stop(main);
            fixture.close();
        }
    }

    private Main start(PublishFixture fixture, String mode) {
        Main main = PipelineApplication.create(Settings.load(home, java.util.Map.of()));
        Properties overrides = main.getOverrideProperties();
        overrides.setProperty("camel.main.jmx-enabled", "false");
        overrides.setProperty("tolk.http.port", "0");
        overrides.setProperty("tolk.desk.port", "0");
        overrides.setProperty("tolk.publish.mode", mode);
        overrides.setProperty("tolk.publish.require-approval", "true");
        overrides.setProperty("tolk.publish.poll-interval", "200");
        overrides.setProperty("tolk.publish.poll-initial-delay", "100");
        overrides.setProperty("tolk.cms.static.base-url", "https://news.example");
        overrides.setProperty("tolk.social.outbox.targets", "mastodon");
        main.bind("translationStore", fixture.translations);
        Thread thread = new Thread(() -> {
            try {
                main.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "tolk-under-test");
        thread.start();
        threads.put(main, thread);
        await().atMost(Duration.ofSeconds(60)).until(() -> main.getCamelContext() != null && main.getCamelContext().isStarted());
        // the supervising route controller starts routes on its own thread, after the context reports started
        await().atMost(Duration.ofSeconds(30)).until(() -> main.getCamelContext().getRoute("publish-nightly") != null
                && main.getCamelContext().getRouteController().getRouteStatus("publish-nightly").isStarted());
        return main;
    }

    private void stop(Main main) throws InterruptedException {
        main.completed();
        Thread thread = threads.remove(main);
        thread.join(Duration.ofSeconds(60).toMillis());
        if (thread.isAlive()) throw new AssertionError("the pipeline did not stop within 60 s");
    }

    private final java.util.Map<Main, Thread> threads = new java.util.HashMap<>();
}
