package no.tolk.publish;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import no.tolk.article.Article;
import no.tolk.article.ArticleState;
import no.tolk.article.Block;
import no.tolk.article.BlockType;
import no.tolk.article.Received;
import no.tolk.publish.cms.StaticSitePublisher;
import no.tolk.publish.social.ChannelEndpoint;
import no.tolk.publish.social.MastodonChannel;
import no.tolk.publish.social.SocialChannels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An article written in Nynorsk keeps {@code nn} everywhere downstream: its own section of the static site, its
 * WordPress post's Polylang language (WireMock stands in for WordPress: Polylang Pro's REST fields are not in Debian's
 * WordPress) with a translation group of three, and Mastodon's {@code language}. Exactly once per language: a
 * revision updates its three posts and touches no other article's.
 */
class NynorskSourcePublishingTest {

    static final String NN_TITLE = "Ferja til Kvitsøy får nye avgangar";
    static final String NB_TITLE = "Fergen til Kvitsøy får nye avganger";
    static final String EN_TITLE = "The Kvitsøy ferry gets new departures";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    PublishFixture fixture;
    WireMockServer mastodon;

    @BeforeEach
    void start() {
        fixture = new PublishFixture(home);
        mastodon = new WireMockServer(options().dynamicPort());
        mastodon.start();
        for (String language : List.of("nn", "nb", "en")) {
            String id = "11302458752348" + List.of("nn", "nb", "en").indexOf(language);
            mastodon.stubFor(post("/api/v1/statuses").withRequestBody(matchingJsonPath("$.language", equalTo(language)))
                    .willReturn(okJson("{\"id\":\"" + id + "\",\"language\":\"" + language + "\",\"visibility\":\"public\","
                            + "\"url\":\"https://mastodon.example/@tolk/" + id + "\"}")));
        }
    }

    @AfterEach
    void stop() throws Exception {
        mastodon.stop();
        fixture.close();
    }

    @Test
    void aNynorskArticleIsPublishedUnderNnOnTheSiteAndAnnouncedWithLanguageNnOnMastodon() throws Exception {
        String id = storeNynorsk(fixture, "ferje", 1);
        Path site = home.resolve("site");
        MastodonChannel channel = new MastodonChannel(new ChannelEndpoint(URI.create(mastodon.baseUrl()), Duration.ofSeconds(2),
                Duration.ofSeconds(5)), "mastodon-token", Set.of("nb", "nn", "en"), 500, "public", Clock.systemUTC());
        PublishingRun run = fixture.run(new StaticSitePublisher(site, site.resolve("content"), "https://news.example/"),
                new SocialChannels(List.of(channel)), PublishFixture.settings(2, false));

        assertThat(run.publish(id)).isEqualTo(ArticleState.PUBLISHED);

        assertThat(site.resolve("content/nn/ferja-til-kvitsoy-far-nye-avgangar.md")).isRegularFile();
        assertThat(Files.readString(site.resolve("content/nn/ferja-til-kvitsoy-far-nye-avgangar.md")))
                .contains("title: \"" + NN_TITLE + "\"", "Ferja går no kvar time");
        assertThat(site.resolve("content/nb/fergen-til-kvitsoy-far-nye-avganger.md")).isRegularFile();
        assertThat(site.resolve("content/en/the-kvitsoy-ferry-gets-new-departures.md")).isRegularFile();
        assertThat(Files.readString(site.resolve("preview/nn/ferja-til-kvitsoy-far-nye-avgangar.html")))
                .contains("<html lang=\"nn\">", "aria-current=\"page\">Nynorsk</span>", "hreflang=\"nb\"", "hreflang=\"en\"");
        Map<String, String> cms = fixture.ledger.forArticle(id).stream().filter(p -> p.target().equals(PublicationLedger.CMS))
                .collect(Collectors.toMap(Publication::language, Publication::url));
        assertThat(cms).containsExactlyInAnyOrderEntriesOf(Map.of(
                "nn", "https://news.example/nn/ferja-til-kvitsoy-far-nye-avgangar/",
                "nb", "https://news.example/nb/fergen-til-kvitsoy-far-nye-avganger/",
                "en", "https://news.example/en/the-kvitsoy-ferry-gets-new-departures/"));

        List<LoggedRequest> statuses = mastodon.findAll(postRequestedFor(urlEqualTo("/api/v1/statuses")));
        assertThat(statuses).hasSize(3);
        JsonNode nynorsk = statuses.stream().map(r -> json(r.getBodyAsString()))
                .filter(body -> body.path("language").asText().equals("nn")).findFirst().orElseThrow();
        assertThat(nynorsk.path("status").asText()).startsWith(NN_TITLE)
                .contains("https://news.example/nn/ferja-til-kvitsoy-far-nye-avgangar/");
        assertThat(statuses).extracting(r -> json(r.getBodyAsString()).path("language").asText())
                .containsExactlyInAnyOrder("nn", "nb", "en");
        assertThat(fixture.ledger.find(id, "mastodon", "nn").orElseThrow().externalId()).isEqualTo("113024587523480");

        assertThat(run.publish(id)).as("published again: nothing new").isEqualTo(ArticleState.PUBLISHED);
        assertThat(mastodon.findAll(postRequestedFor(urlEqualTo("/api/v1/statuses")))).hasSize(3);
    }

    @Test
    void onWordPressTheNynorskPostHasLanguageNnAndATranslationGroupOfThreeAndARevisionUpdatesOnlyItsOwnPosts() throws Exception {
        try (WordPressStub wordpress = new WordPressStub()) {
            Article other = fixture.article("blabaer", "Rekordår for blåbær", "Record year for blueberries", ArticleState.APPROVED);
            wordpress.expectPost("nb", "Rekordår for blåbær", 501, 0);
            wordpress.expectPost("en", "Record year for blueberries", 502, 0);
            String id = storeNynorsk(fixture, "ferje", 1);
            wordpress.expectPost("nn", NN_TITLE, 601, 0);
            wordpress.expectPost("en", EN_TITLE, 602, 0);
            wordpress.expectPost("nb", NB_TITLE, 603, 0);
            PublishingRun run = fixture.run(wordpress.publisher(home, true), new SocialChannels(List.of()),
                    PublishFixture.settings(2, false));

            assertThat(run.publish(other.id())).isEqualTo(ArticleState.PUBLISHED);
            assertThat(run.publish(id)).isEqualTo(ArticleState.PUBLISHED);

            Map<String, JsonNode> created = wordpress.creates().stream().map(r -> json(r.getBodyAsString()))
                    .filter(body -> body.path("content").asText().contains("tolk:article=" + id + " "))
                    .collect(Collectors.toMap(body -> body.path("lang").asText(), body -> body));
            assertThat(created.keySet()).containsExactlyInAnyOrder("nn", "en", "nb");
            assertThat(created.get("nn").path("content").asText()).contains("<!-- tolk:article=" + id + " lang=nn -->");
            assertThat(created.get("nn").path("title").asText()).isEqualTo(NN_TITLE);
            assertThat(created.get("nb").path("translations")).isEqualTo(json("{\"nn\":601,\"en\":602}"));
            // the source again, last: Polylang replaces the whole group, so it gets all three
            List<LoggedRequest> sourceUpdates = wordpress.updatesOf(601);
            assertThat(sourceUpdates).hasSize(1);
            JsonNode linked = json(sourceUpdates.get(0).getBodyAsString());
            assertThat(linked.path("lang").asText()).isEqualTo("nn");
            assertThat(linked.path("translations")).isEqualTo(json("{\"nn\":601,\"en\":602,\"nb\":603}"));
            assertThat(fixture.ledger.forArticle(id)).extracting(Publication::language, Publication::externalId)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("nn", "601"),
                            org.assertj.core.groups.Tuple.tuple("en", "602"), org.assertj.core.groups.Tuple.tuple("nb", "603"));

            String revised = storeNynorsk(fixture, "ferje", 2);
            assertThat(revised).isEqualTo(id);
            int otherUpdates = wordpress.updatesOf(501).size() + wordpress.updatesOf(502).size();
            assertThat(run.publish(id)).isEqualTo(ArticleState.PUBLISHED);

            assertThat(wordpress.creates()).as("no new post for the revision").hasSize(5);
            assertThat(wordpress.updatesOf(601)).hasSize(3);
            assertThat(wordpress.updatesOf(602)).hasSize(1);
            assertThat(wordpress.updatesOf(603)).hasSize(1);
            assertThat(json(wordpress.updatesOf(603).get(0).getBodyAsString()).path("content").asText()).contains("rute 2");
            assertThat(wordpress.updatesOf(501).size() + wordpress.updatesOf(502).size()).as("the other article's posts")
                    .isEqualTo(otherUpdates);
            assertThat(fixture.ledger.forArticle(id)).allSatisfy(p -> assertThat(p.publishedRevision()).isEqualTo(2));
        }
    }

    /** Stores a Nynorsk article (revision {@code version} of source key {@code key}), with Bokmål and English translations. */
    static String storeNynorsk(PublishFixture fixture, String key, int version) {
        Article nynorsk = new Article(null, 0, key + ".docx", "nn", NN_TITLE, "Kolumbus aukar talet på avgangar frå neste veke.",
                "Ola Nordmann", LocalDate.of(2026, 9, 3), null, List.of(), List.of(),
                List.of(new Block(BlockType.PARAGRAPH, "Ferja går no kvar time, og eg trur folk vil setje pris på det, seier ordføraren."),
                        new Block(BlockType.PARAGRAPH, "Rutetabellen er versjon " + version + ".")));
        Article stored = fixture.store.saveExtracted(new Received(key + ".docx", key, UUID.randomUUID().toString().replace("-", ""), null),
                nynorsk);
        fixture.translations.put(new Article(stored.id(), stored.revision(), stored.sourceFile(), "nb", NB_TITLE,
                "Kolumbus øker antallet avganger fra neste uke.", "Ola Nordmann", stored.published(), null, List.of(), List.of(),
                List.of(new Block(BlockType.PARAGRAPH, "Fergen går nå hver time, og jeg tror folk vil sette pris på det, sier ordføreren."),
                        new Block(BlockType.PARAGRAPH, "Rutetabellen er rute " + version + "."))));
        fixture.translations.put(new Article(stored.id(), stored.revision(), stored.sourceFile(), "en", EN_TITLE,
                "Kolumbus adds departures from next week.", "Ola Nordmann", stored.published(), null, List.of(), List.of(),
                List.of(new Block(BlockType.PARAGRAPH, "The ferry now leaves every hour, and I think people will appreciate it, says the mayor."),
                        new Block(BlockType.PARAGRAPH, "The timetable is version " + version + "."))));
        fixture.store.changeState(stored.id(), ArticleState.TRANSLATED, "translated by the test");
        fixture.store.changeState(stored.id(), ArticleState.APPROVED, "approved by the test");
        return stored.id();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
