package no.tolk.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import no.tolk.article.Article;
import no.tolk.article.ArticleState;
import no.tolk.publish.cms.StaticSitePublisher;
import no.tolk.publish.social.SocialChannels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly run and a person's "publish now" while the poller is checking for due retries (it runs every few hundred
 * milliseconds in both modes): they wait for the check to end and then publish, instead of being skipped as "already in
 * progress". The nightly cron fires once, so a skipped run left approved articles unpublished until the next night
 * (CI saw it as PublishRouteTest timing out on a loaded machine).
 */
class PublishingRunOverlapTest {

    @TempDir
    Path home;
    private PublishFixture fixture;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @BeforeEach
    void start() {
        fixture = new PublishFixture(home);
    }

    @AfterEach
    void stop() throws Exception {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        fixture.close();
    }

    @Test
    void theNightlyRunWaitsForThePollersCheckInsteadOfBeingSkipped() throws Exception {
        assertPublishedAfterThePollersCheck("nightly", PublishingRun::runNightly);
    }

    @Test
    void publishNowWaitsForThePollersCheckInsteadOfBeingSkipped() throws Exception {
        assertPublishedAfterThePollersCheck("immediate", PublishingRun::publishApproved);
    }

    private interface Call {
        int on(PublishingRun run) throws Exception;
    }

    private void assertPublishedAfterThePollersCheck(String mode, Call call) throws Exception {
        Article approved = fixture.article("blabaer", "Rekordår for blåbær", "Record year for blueberries", ArticleState.APPROVED);
        HeldLedger ledger = new HeldLedger(fixture.ledger);
        PublishSettings settings = new PublishSettings(mode, 3, Duration.ofMillis(100), 2, false, Duration.ofMinutes(5));
        PublishingRun run = new PublishingRun(fixture.store, () -> fixture.translations, ledger,
                new StaticSitePublisher(home.resolve("site"), home.resolve("site/content"), "https://news.example"),
                new SocialChannels(List.of()), new no.tolk.publish.social.PostComposer(java.util.Map.of()), settings,
                fixture.pauses::add, java.time.Clock.systemUTC());

        ledger.holdNextCall();
        Future<Integer> poller = threads.submit(() -> run.retryDue(false));
        assertThat(ledger.held.await(30, TimeUnit.SECONDS)).as("the poller is inside its check").isTrue();

        Thread[] caller = new Thread[1];
        Future<Integer> requested = threads.submit(() -> {
            caller[0] = Thread.currentThread();
            return call.on(run);
        });
        // the request has either given up already (the defect) or is parked on the run lock behind the poller
        await().atMost(Duration.ofSeconds(30)).until(() -> requested.isDone()
                || (caller[0] != null && caller[0].getState() == Thread.State.WAITING));
        ledger.release.countDown();

        assertThat(poller.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(requested.get(30, TimeUnit.SECONDS)).as("articles published by the requested run").isEqualTo(1);
        assertThat(fixture.state(approved.id())).isEqualTo("published");
    }

    /** The real ledger; the first call of {@link #failed()} after {@link #holdNextCall()} waits until released. */
    private static final class HeldLedger implements PublicationLedger {
        private final PublicationLedger real;
        final CountDownLatch held = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private volatile boolean hold;

        HeldLedger(PublicationLedger real) {
            this.real = real;
        }

        void holdNextCall() {
            hold = true;
        }

        @Override
        public List<Publication> failed() {
            if (hold) {
                hold = false;
                held.countDown();
                try {
                    if (!release.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            return real.failed();
        }

        @Override
        public Optional<Publication> find(String articleId, String target, String language) {
            return real.find(articleId, target, language);
        }

        @Override
        public List<Publication> forArticle(String articleId) {
            return real.forArticle(articleId);
        }

        @Override
        public void attemptStarted(String articleId, String target, String language, int revision) {
            real.attemptStarted(articleId, target, language, revision);
        }

        @Override
        public void received(String articleId, String target, String language, String externalId, String url) {
            real.received(articleId, target, language, externalId, url);
        }

        @Override
        public void published(String articleId, String target, String language, int revision, String externalId, String url,
                String note) {
            real.published(articleId, target, language, revision, externalId, url, note);
        }

        @Override
        public void attemptFailed(String articleId, String target, String language, String error, boolean outcomeKnown, boolean last) {
            real.attemptFailed(articleId, target, language, error, outcomeKnown, last);
        }

        @Override
        public int resetFailed(String articleId) {
            return real.resetFailed(articleId);
        }
    }
}
