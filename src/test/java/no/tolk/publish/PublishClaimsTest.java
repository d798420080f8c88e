package no.tolk.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import no.tolk.article.Article;
import no.tolk.article.ArticleState;
import no.tolk.publish.cms.CmsException;
import no.tolk.publish.cms.CmsPublisher;
import no.tolk.publish.cms.CmsReceipt;
import no.tolk.publish.cms.Counterpart;
import no.tolk.publish.cms.StaticSitePublisher;
import no.tolk.publish.social.OutboxChannel;
import no.tolk.publish.social.Platform;
import no.tolk.publish.social.SocialChannels;
import no.tolk.store.JdbcArticleStore;
import no.tolk.store.JdbcPublicationLedger;
import no.tolk.store.WorkClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing under work claims (issue 15): only claimed articles go out, and two instances never publish one twice. */
class PublishClaimsTest {

    @TempDir
    Path home;

    /** The static site, counting the calls per article and language. */
    private static final class CountingCms implements CmsPublisher {
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        private final CmsPublisher site;

        CountingCms(CmsPublisher site) {
            this.site = site;
        }

        @Override
        public CmsReceipt publishLinked(Article article, List<Counterpart> counterparts, String externalId)
                throws CmsException {
            calls.computeIfAbsent(article.id() + "/" + article.language(), key -> new AtomicInteger()).incrementAndGet();
            return site.publishLinked(article, counterparts, externalId);
        }

        @Override
        public String name() {
            return site.name();
        }
    }

    private CountingCms cms(Path site) {
        return new CountingCms(new StaticSitePublisher(site, site.resolve("content"), "https://news.example"));
    }

    private SocialChannels outbox() {
        return new SocialChannels(List.of(new OutboxChannel(home.resolve("outbox/social"), Platform.MASTODON,
                Platform.MASTODON.defaultRule(), Set.of("nb", "en"))));
    }

    @Test
    void anArticleAnotherInstanceHoldsIsNeitherPublishedNorAttemptedHere() throws Exception {
        try (PublishFixture fixture = new PublishFixture(home)) {
            Article article = fixture.article("blabaer", "Rekordår for blåbær", "Record year for blueberries", ArticleState.APPROVED);
            WorkClaims other = new WorkClaims(fixture.dataSource, "instance-other", Duration.ofSeconds(60), Clock.systemUTC());
            assertThat(other.claim("publish", article.id())).isTrue();
            CountingCms cms = cms(home.resolve("site"));
            PublishingRun run = fixture.run(cms, outbox(), PublishFixture.settings(3, false));

            assertThat(run.publishApproved()).isZero();
            assertThat(run.publish(article.id())).as("publishing one article by id needs its claim too").isNull();
            assertThat(run.runNightly()).isZero();

            assertThat(cms.calls).as("no CMS call for unclaimed work").isEmpty();
            assertThat(fixture.ledger.forArticle(article.id())).as("no attempt recorded").isEmpty();
            assertThat(home.resolve("outbox/social")).doesNotExist();
            assertThat(fixture.state(article.id())).isEqualTo("approved");

            other.release(article.id());
            assertThat(run.publishApproved()).isEqualTo(1);
            assertThat(fixture.state(article.id())).isEqualTo("published");
            assertThat(fixture.ledger.attemptedBy(article.id(), "cms", "en")).contains(fixture.store.claims().owner());
            assertThat(fixture.store.claims().current()).as("released when done").isEmpty();
        }
    }

    @Test
    void twoInstancesPublishingTheSameApprovalsTogetherPublishEachArticleOnce() throws Exception {
        try (PublishFixture fixture = new PublishFixture(home)) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                ids.add(fixture.article("sak-" + i, "Sak nummer " + i + " fra kommunen", "Item number " + i + " from the council",
                        ArticleState.APPROVED, "Kommunen melder om sak " + i + " med egen tekst.").id());
            }
            CountingCms cms = cms(home.resolve("site"));
            List<Callable<Integer>> instances = new ArrayList<>();
            for (String owner : List.of("instance-a", "instance-b")) {
                JdbcArticleStore store = new JdbcArticleStore(fixture.dataSource, Clock.systemUTC(),
                        new WorkClaims(fixture.dataSource, owner, Duration.ofSeconds(60), Clock.systemUTC()));
                PublishingRun run = new PublishingRun(store, () -> fixture.translations,
                        new JdbcPublicationLedger(fixture.dataSource, Clock.systemUTC(), owner), cms, outbox(),
                        new no.tolk.publish.social.PostComposer(Map.of()), PublishFixture.settings(3, false), fixture.pauses::add,
                        Clock.systemUTC());
                instances.add(run::publishApproved);
            }

            ExecutorService both = Executors.newFixedThreadPool(2);
            int published = 0;
            try {
                for (Future<Integer> result : both.invokeAll(instances)) published += result.get();
            } finally {
                both.shutdownNow();
            }

            assertThat(published).isEqualTo(ids.size());
            for (String id : ids) {
                assertThat(fixture.state(id)).isEqualTo("published");
                assertThat(cms.calls.get(id + "/en")).as("English of %s sent once", id).hasValue(1);
                assertThat(fixture.ledger.attemptedBy(id, "cms", "en")).hasValueSatisfying(owner -> assertThat(owner).startsWith("instance-"));
            }
            try (Stream<Path> posts = Files.list(home.resolve("outbox/social/mastodon"))) {
                assertThat(posts.filter(post -> post.toString().endsWith(".txt")).count()).as("one post per article and language")
                        .isEqualTo(ids.size() * 2L);
            }
            assertThat(fixture.store.claims().current()).isEmpty();
        }
    }
}
