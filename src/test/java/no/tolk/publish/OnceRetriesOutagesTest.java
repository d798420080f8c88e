package no.tolk.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import no.tolk.article.Article;
import no.tolk.article.ArticleState;
import no.tolk.publish.cms.CmsException;
import no.tolk.publish.cms.CmsPublisher;
import no.tolk.publish.cms.CmsReceipt;
import no.tolk.publish.cms.CmsUnavailableException;
import no.tolk.publish.cms.Counterpart;
import no.tolk.publish.social.SocialChannels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 'tolk once' from cron retries a CMS outage when the retry schedule says it is due, as the service's poller does;
 * before, only 'run' and the nightly job did, and every cron 'once' needed a person to type 'tolk retry'.
 */
class OnceRetriesOutagesTest {

    @TempDir
    Path home;

    private PublishFixture fixture;

    @BeforeEach
    void open() {
        fixture = new PublishFixture(home);
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    /** A CMS that is down until told otherwise: connection refused, the outcome of a create unknown. */
    static final class FlakyCms implements CmsPublisher {
        final AtomicBoolean down = new AtomicBoolean(true);
        final List<String> created = new ArrayList<>();

        @Override
        public CmsReceipt publishLinked(Article article, List<Counterpart> counterparts, String externalId) throws CmsException {
            if (down.get()) throw new CmsUnavailableException("CMS unreachable at http://127.0.0.1:9/: ConnectException");
            String id = externalId != null ? externalId : article.id() + "-" + article.language();
            if (externalId == null) created.add(id);
            return new CmsReceipt(id, "https://example.org/" + id + "/");
        }

        @Override
        public String name() {
            return "flaky";
        }
    }

    @Test
    void aOnceAfterTheOutageEndsPublishesWithoutAPersonAndCreatesEachPostOnce() throws Exception {
        FlakyCms cms = new FlakyCms();
        Article article = fixture.article("havn", "Havna får ny kai", "The harbour gets a new quay", ArticleState.APPROVED);
        PublishingRun run = fixture.run(cms, new SocialChannels(List.of()),
                new PublishSettings("immediate", 2, Duration.ofMillis(10), 2, false, Duration.ofMinutes(5), List.of(Duration.ZERO)));
        PublishPendingWork once = new PublishPendingWork(new ReviewGate(null, null, null, false) {
            @Override
            public int reviewTranslated() {
                return 0;
            }

            @Override
            public int collectApprovals() {
                return 0;
            }
        }, run);

        once.runPending();
        assertThat(fixture.state(article.id())).isEqualTo("failed");

        cms.down.set(false);
        once.runPending();

        assertThat(fixture.state(article.id())).isEqualTo("published");
        assertThat(cms.created).containsExactlyInAnyOrder(article.id() + "-nb", article.id() + "-en");
    }
}
