package no.tolk.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import no.tolk.article.Article;
import no.tolk.article.ArticleState;
import no.tolk.publish.cms.CmsException;
import no.tolk.publish.cms.CmsPublisher;
import no.tolk.publish.cms.CmsReceipt;
import no.tolk.publish.cms.Counterpart;
import no.tolk.publish.cms.StaticSitePublisher;
import no.tolk.publish.social.GraphemeRule;
import no.tolk.publish.social.OutboxChannel;
import no.tolk.publish.social.Platform;
import no.tolk.publish.social.SocialChannels;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishingRunTest {

    private static final String NB_TITLE = "Rekordår for blåbær på Røros";
    private static final String EN_TITLE = "Record year for blueberries in Røros";

    @TempDir
    Path home;
    private PublishFixture fixture;
    private WordPressStub wordpress;

    @BeforeEach
    void start() {
        fixture = new PublishFixture(home);
        wordpress = new WordPressStub();
        wordpress.expectPost("nb", NB_TITLE, 101, 0);
        wordpress.expectPost("en", EN_TITLE, 102, 0);
    }

    @AfterEach
    void stop() throws Exception {
        wordpress.close();
        fixture.close();
    }

    /** Passes every call on, but "dies" right after the CMS answered for this language, once. */
    private static CmsPublisher crashingAfter(CmsPublisher real, String language) {
        return new CmsPublisher() {
            private boolean crashed;

            @Override
            public CmsReceipt publishLinked(Article article, List<Counterpart> counterparts, String externalId) throws CmsException {
                CmsReceipt receipt = real.publishLinked(article, counterparts, externalId);
                if (!crashed && article.language().equals(language)) {
                    crashed = true;
                    throw new RecordingChannel.SimulatedCrash("process died after the CMS call for " + language);
                }
                return receipt;
            }

            @Override
            public String name() {
                return real.name();
            }
        };
    }

    @Test
    void aCrashAfterTheCmsCallAndBeforeRecordingItLeavesOnePostPerLanguageAfterTheRestart() throws Exception {
        Article article = fixture.article("blabaer", NB_TITLE, EN_TITLE, ArticleState.APPROVED);
        RecordingChannel mastodon = new RecordingChannel("mastodon", false);
        CmsPublisher wordPress = wordpress.publisher(home);

        PublishingRun first = fixture.run(crashingAfter(wordPress, "en"), new SocialChannels(List.of(mastodon)), PublishFixture.settings(3, false));
        assertThatThrownBy(() -> first.publish(article.id())).isInstanceOf(RecordingChannel.SimulatedCrash.class);
        Publication lost = fixture.ledger.find(article.id(), "cms", "en").orElseThrow();
        assertThat(lost.outcomeUnknown()).isTrue();
        assertThat(lost.externalId()).isNull();
        assertThat(wordpress.creates()).hasSize(2);

        PublishingRun restarted = fixture.run(wordPress, new SocialChannels(List.of(mastodon)), PublishFixture.settings(3, false));
        assertThat(restarted.publishApproved()).isEqualTo(1);

        assertThat(wordpress.creates()).as("one POST /posts per language, never a second").hasSize(2);
        assertThat(wordpress.creates()).extracting(r -> r.getBodyAsString().contains("\"slug\":\"record-year-for-blueberries-in-roros\""))
                .containsExactlyInAnyOrder(true, false);
        assertThat(wordpress.updatesOf(102)).as("the English post found by slug is updated").isNotEmpty();
        assertThat(wordpress.updatesOf(101).get(wordpress.updatesOf(101).size() - 1).getBodyAsString())
                .as("the Norwegian post links to the English one").contains("Read in English").contains("record-year-for-blueberries-in-roros");
        assertThat(fixture.ledger.find(article.id(), "cms", "en").orElseThrow().externalId()).isEqualTo("102");
        assertThat(mastodon.posts).hasSize(2);
        assertThat(fixture.state(article.id())).isEqualTo("published");
    }

    @Test
    void aCrashAfterASocialPostNeverPostsTwice() throws Exception {
        Article article = fixture.article("blabaer", NB_TITLE, EN_TITLE, ArticleState.APPROVED);
        CmsPublisher site = new StaticSitePublisher(home.resolve("site"), home.resolve("site/content"), "https://news.example");
        RecordingChannel findable = new RecordingChannel("bluesky", true);
        RecordingChannel blind = new RecordingChannel("linkedin", false);
        findable.crashAfterNextPost = true;

        PublishingRun first = fixture.run(site, new SocialChannels(List.of(findable, blind)), PublishFixture.settings(3, false));
        assertThatThrownBy(() -> first.publish(article.id())).isInstanceOf(RecordingChannel.SimulatedCrash.class);
        blind.crashAfterNextPost = true;
        PublishingRun second = fixture.run(site, new SocialChannels(List.of(findable, blind)), PublishFixture.settings(3, false));
        assertThatThrownBy(() -> second.publish(article.id())).isInstanceOf(RecordingChannel.SimulatedCrash.class);

        PublishingRun third = fixture.run(site, new SocialChannels(List.of(findable, blind)), PublishFixture.settings(3, false));
        assertThat(third.publish(article.id())).isEqualTo(ArticleState.FAILED);

        assertThat(findable.postsIn("nb")).as("found after the restart, not posted again").isEqualTo(1);
        assertThat(findable.postsIn("en")).isEqualTo(1);
        assertThat(fixture.ledger.find(article.id(), "bluesky", "nb").orElseThrow().externalId()).isEqualTo("bluesky-1");
        assertThat(blind.postsIn("nb")).as("a channel that cannot look posts up is not called blindly").isEqualTo(1);
        Publication unknown = fixture.ledger.find(article.id(), "linkedin", "nb").orElseThrow();
        assertThat(unknown.state()).isEqualTo(PublicationState.FAILED);
        assertThat(unknown.lastError()).contains("unknown").contains("tolk retry " + article.id());
        assertThat(fixture.store.history(article.id()).get(fixture.store.history(article.id()).size() - 1))
                .contains("linkedin/nb");
    }

    @Test
    void aRevisionUpdatesTheCmsPostsAndAnnouncesNothingNew() throws Exception {
        Article first = fixture.article("blabaer", NB_TITLE, EN_TITLE, ArticleState.APPROVED);
        RecordingChannel mastodon = new RecordingChannel("mastodon", false);
        Path outbox = home.resolve("outbox/social");
        OutboxChannel outboxX = new OutboxChannel(outbox, Platform.X, Platform.X.defaultRule(), Set.of("nb", "en"));
        SocialChannels channels = new SocialChannels(List.of(mastodon, outboxX));
        PublishingRun run = fixture.run(wordpress.publisher(home), channels, PublishFixture.settings(3, false));
        assertThat(run.publish(first.id())).isEqualTo(ArticleState.PUBLISHED);
        int updatesBefore = wordpress.updatesOf(101).size() + wordpress.updatesOf(102).size();

        Article revised = fixture.article("blabaer", NB_TITLE, EN_TITLE, ArticleState.APPROVED);
        assertThat(revised.id()).isEqualTo(first.id());
        assertThat(revised.revision()).isEqualTo(2);
        assertThat(run.publishApproved()).isEqualTo(1);

        assertThat(wordpress.creates()).as("no new CMS post for a revision").hasSize(2);
        assertThat(wordpress.updatesOf(101).size() + wordpress.updatesOf(102).size()).isGreaterThan(updatesBefore);
        assertThat(fixture.ledger.find(first.id(), "cms", "nb").orElseThrow().publishedRevision()).isEqualTo(2);
        assertThat(mastodon.posts).as("a revision is not announced again").hasSize(2);
        assertThat(mastodon.updates).isEmpty();
        try (var files = Files.list(outbox.resolve("x"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".txt")).toList()).hasSize(2);
        }
        assertThat(fixture.state(first.id())).isEqualTo("published");
    }

    @Test
    void aRevisionIsReannouncedByEditingWhenConfigured() throws Exception {
        Article first = fixture.article("blabaer", NB_TITLE, EN_TITLE, ArticleState.APPROVED);
        RecordingChannel mastodon = new RecordingChannel("mastodon", false);
        PublishingRun run = fixture.run(wordpress.publisher(home), new SocialChannels(List.of(mastodon)), PublishFixture.settings(3, true));
        run.publish(first.id());
        fixture.article("blabaer", NB_TITLE, EN_TITLE, ArticleState.APPROVED);

        assertThat(run.publish(first.id())).isEqualTo(ArticleState.PUBLISHED);

        assertThat(mastodon.posts).hasSize(2);
        assertThat(mastodon.updates).extracting(post -> post.revision()).containsExactly(2, 2);
    }

    @Test
    void aFailingChannelIsMarkedFailedWithItsCauseWhileTheOthersArePublishedThenRetryPublishesIt() throws Exception {
        Article article = fixture.article("blabaer", NB_TITLE, EN_TITLE, ArticleState.APPROVED);
        RecordingChannel down = new RecordingChannel("mastodon", false);
        down.failWithStatus = 503;
        RecordingChannel fine = new RecordingChannel("bluesky", true);
        SocialChannels channels = new SocialChannels(List.of(down, fine));
        PublishingRun run = fixture.run(wordpress.publisher(home), channels, PublishFixture.settings(3, false));

        assertThat(run.publishApproved()).isZero();

        assertThat(fixture.state(article.id())).isEqualTo("failed");
        Publication failed = fixture.ledger.find(article.id(), "mastodon", "en").orElseThrow();
        assertThat(failed.state()).isEqualTo(PublicationState.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).contains("503");
        assertThat(down.calls.get()).isEqualTo(6);
        assertThat(fixture.pauses).as("backoff doubles").contains(java.time.Duration.ofMillis(100), java.time.Duration.ofMillis(200));
        assertThat(fine.posts).hasSize(2);
        assertThat(fixture.ledger.find(article.id(), "cms", "nb").orElseThrow().state()).isEqualTo(PublicationState.PUBLISHED);
        assertThat(fixture.ledger.failed()).extracting(Publication::target).containsOnly("mastodon");

        down.failWithStatus = 0;
        String answer = new LedgerReviewDesk(fixture.store, fixture.ledger, "immediate").retry(article.id()).message();
        assertThat(answer).contains("2 failed publication(s)");
        int requestsBefore = wordpress.server.getAllServeEvents().size();
        assertThat(run.publishApproved()).isEqualTo(1);

        assertThat(fixture.state(article.id())).isEqualTo("published");
        assertThat(down.posts).hasSize(2);
        assertThat(fine.posts).as("the channel that worked is not posted to again").hasSize(2);
        assertThat(wordpress.server.getAllServeEvents()).as("the CMS pair was done already").hasSize(requestsBefore);
    }

    @Test
    void aRefusedCmsCallIsNotRetriedAndTheSocialPostsWaitForTheCms() throws Exception {
        Article article = fixture.article("blabaer", NB_TITLE, EN_TITLE, ArticleState.APPROVED);
        wordpress.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(WordPressStub.POSTS)).atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"rest_cannot_create\",\"message\":\"Sorry, you are not allowed to create posts as this user.\",\"data\":{\"status\":401}}")));
        RecordingChannel mastodon = new RecordingChannel("mastodon", false);
        PublishingRun run = fixture.run(wordpress.publisher(home), new SocialChannels(List.of(mastodon)), PublishFixture.settings(3, false));

        assertThat(run.publish(article.id())).isEqualTo(ArticleState.FAILED);

        assertThat(wordpress.creates()).as("a refusal is not retried").hasSize(1);
        Publication cms = fixture.ledger.find(article.id(), "cms", "nb").orElseThrow();
        assertThat(cms.state()).isEqualTo(PublicationState.FAILED);
        assertThat(cms.lastError()).contains("rest_cannot_create").doesNotContain("abcd efgh");
        assertThat(mastodon.posts).isEmpty();
        assertThat(fixture.store.history(article.id())).last().asString()
                .contains("cms/nb: wordpress refused nb").contains("mastodon/en: waits for the CMS");
    }

    @Test
    void withoutATranslationTheArticleFailsWithTheReason() throws Exception {
        Article article = fixture.article("blabaer", NB_TITLE, EN_TITLE, ArticleState.APPROVED);
        PublishingRun run = new PublishingRun(fixture.store, InMemoryTranslationStore::new, fixture.ledger,
                wordpress.publisher(home), new SocialChannels(List.of()), new no.tolk.publish.social.PostComposer(java.util.Map.of()),
                PublishFixture.settings(3, false), d -> { }, java.time.Clock.systemUTC());

        assertThat(run.publish(article.id())).isEqualTo(ArticleState.FAILED);
        assertThat(fixture.store.history(article.id()).get(fixture.store.history(article.id()).size() - 1))
                .contains("no translation of revision 1 in the translation store");
        assertThat(wordpress.server.getAllServeEvents()).isEmpty();
    }
}
