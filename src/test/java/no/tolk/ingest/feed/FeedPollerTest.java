package no.tolk.ingest.feed;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import no.tolk.article.Article;
import no.tolk.article.Block;
import no.tolk.article.BlockType;
import no.tolk.store.ArticleSummary;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedPollerTest {

    private static final String RSS = "application/rss+xml; charset=UTF-8";

    @TempDir
    java.nio.file.Path home;

    private WireMockServer server;
    private FeedFixture fixture;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        fixture = new FeedFixture(home, 300_000);
    }

    @AfterEach
    void stop() throws IOException {
        fixture.close();
        server.stop();
    }

    private String url(String path) {
        return "http://localhost:" + server.port() + path;
    }

    private void serveFeed(String path, String body, String etag) {
        server.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", RSS).withHeader("ETag", etag).withBody(body)));
    }

    private ArticleSummary summaryTitled(String title) {
        return fixture.store.listArticles().stream().filter(a -> title.equals(a.title())).findFirst().orElseThrow();
    }

    private Article articleTitled(String title) {
        return fixture.store.findArticle(summaryTitled(title).id()).orElseThrow();
    }

    @Test
    void wordPressItemsWithFullTextBecomeArticlesAndTheEnglishItemIsSkippedWithReason() throws IOException {
        serveFeed("/feed/", FeedFixture.resource("wordpress-rss2.xml"), "\"v1\"");

        PollReport report = fixture.poller(url("/feed/")).pollAllNow();

        assertThat(report.newArticles()).isEqualTo(3);
        assertThat(report.count(ItemOutcome.SKIPPED)).isEqualTo(1);
        Article bane = articleTitled("Ny kunstgressbane åpnet på Fjordbyen");
        assertThat(bane.language()).isEqualTo("nb");
        assertThat(bane.author()).isEqualTo("Kari Nordmann");
        assertThat(bane.published()).isEqualTo(LocalDate.of(2024, 5, 13));
        assertThat(bane.tags()).containsExactly("Anlegg", "Fotball");
        assertThat(bane.sourceFile()).isEqualTo("https://fjordbyen-il.no/2024/05/13/ny-kunstgressbane-apnet/");
        assertThat(bane.lead()).startsWith("Etter to års arbeid og mange dugnadstimer");
        assertThat(bane.blocks()).contains(new Block(BlockType.HEADING, "Lys og undervarme"));
        assertThat(bane.blocks()).anySatisfy(block -> {
            assertThat(block.type()).isEqualTo(BlockType.QUOTE);
            assertThat(block.text()).startsWith("– Dette er en drøm");
        });
        assertThat(bane.images()).anySatisfy(image -> assertThat(image.caption()).contains("De yngste spillerne"));

        ArticleSummary english = summaryTitled("Open training for international players");
        assertThat(english.state()).isEqualTo("skipped");
        assertThat(english.lastError()).contains("language en is not a source language");
        assertThat(fixture.ledger.findItem("feed:https://fjordbyen-il.no/?p=1218").orElseThrow().reason())
                .contains("language en");

        server.verify(getRequestedFor(urlEqualTo("/feed/"))
                .withHeader("User-Agent", equalTo("Tolk/0.1 (+https://tolk.example/kontakt)"))
                .withHeader("Accept", containing("application/rss+xml")));
        try (Stream<java.nio.file.Path> archived = Files.walk(fixture.archive)) {
            assertThat(archived.filter(Files::isRegularFile).count()).isEqualTo(4);
        }
        assertThat(fixture.source(url("/feed/")).lastSuccessAt()).isEqualTo(fixture.clock.instant());
    }

    @Test
    void reorderedAndRedatedFeedMakesNoNewArticleAndAnUnchangedFeedIsAskedConditionally() {
        String original = FeedFixture.resource("wordpress-rss2.xml");
        serveFeed("/feed/", original, "\"v1\"");
        FeedPoller poller = fixture.poller(url("/feed/"));
        poller.pollAllNow();

        serveFeed("/feed/", reversedAndRedated(original), "\"v2\"");
        fixture.clock.advance(Duration.ofMinutes(10));
        PollReport second = poller.pollDue();

        assertThat(second.itemsSeen()).isEqualTo(4);
        assertThat(second.count(ItemOutcome.UNCHANGED)).isEqualTo(4);
        assertThat(second.stored()).isEmpty();
        assertThat(fixture.store.listArticles()).hasSize(4).allSatisfy(a -> assertThat(a.revision()).isEqualTo(1));

        server.stubFor(get(urlEqualTo("/feed/")).withHeader("If-None-Match", equalTo("\"v2\""))
                .atPriority(1).willReturn(aResponse().withStatus(304)));
        fixture.clock.advance(Duration.ofMinutes(10));
        PollReport third = poller.pollDue();
        assertThat(third.feedsPolled()).isEqualTo(1);
        assertThat(third.itemsSeen()).isZero();
        server.verify(getRequestedFor(urlEqualTo("/feed/")).withHeader("If-None-Match", equalTo("\"v2\"")));
    }

    @Test
    void twoUnrelatedItemsSharingOneGuidStayTwoArticlesAndKeepTheirPictures() {
        serveFeed("/aktuelt/feed/", FeedFixture.resource("cms-norsk-datoer.xml"), "\"v1\"");
        FeedPoller poller = fixture.poller(url("/aktuelt/feed/"));

        poller.pollAllNow();

        assertThat(fixture.store.listArticles()).extracting(ArticleSummary::title).containsExactlyInAnyOrder(
                "Ny hurtigbåtkai i Florø", "Leksehjelp på tre skoler", "Biblioteket holder åpent på søndager");
        Article harbour = articleTitled("Ny hurtigbåtkai i Florø");
        assertThat(harbour.revision()).isEqualTo(1);
        assertThat(harbour.published()).hasToString("2024-05-13");
        assertThat(harbour.images()).extracting(no.tolk.article.Image::source)
                .containsExactly("https://www.kinn.kommune.no/wp-content/uploads/2024/05/kai.jpg");
        assertThat(articleTitled("Leksehjelp på tre skoler").revision()).isEqualTo(1);

        fixture.clock.advance(Duration.ofMinutes(10));
        poller.pollDue();
        assertThat(fixture.store.listArticles()).hasSize(3).allSatisfy(a -> assertThat(a.revision()).isEqualTo(1));
    }

    @Test
    void changedContentOfTheSameItemBecomesRevisionTwoOfTheSameArticle() {
        String original = FeedFixture.resource("wordpress-rss2.xml");
        serveFeed("/feed/", original, "\"v1\"");
        FeedPoller poller = fixture.poller(url("/feed/"));
        poller.pollAllNow();
        String id = summaryTitled("Rekordpåmelding til sommerens fotballskole").id();

        serveFeed("/feed/", original.replace("Nesten to hundre barn", "Over to hundre og tjue barn"), "\"v2\"");
        fixture.clock.advance(Duration.ofMinutes(10));
        PollReport report = poller.pollDue();

        assertThat(report.count(ItemOutcome.REVISED)).isEqualTo(1);
        assertThat(report.newArticles()).isZero();
        Article revised = fixture.store.findArticle(id).orElseThrow();
        assertThat(revised.revision()).isEqualTo(2);
        assertThat(revised.lead()).contains("Over to hundre og tjue barn");
        assertThat(fixture.store.listArticles()).hasSize(4);
    }

    @Test
    void atomEntriesWithoutContentAreFetchedFromTheirPagesWithoutTheSiteChrome() {
        String base = "http://localhost:" + server.port();
        server.stubFor(get(urlEqualTo("/aktuelt/atom.xml")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/atom+xml")
                .withBody(FeedFixture.resource("kommune-atom.xml").replace("{{BASE}}", base))));
        server.stubFor(get(urlEqualTo("/aktuelt/ferjekaia-stenges")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody(FeedFixture.resource("page-ferjekaia.html"))));
        server.stubFor(get(urlEqualTo("/aktuelt/nytt-bibliotek-fyret")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody(FeedFixture.resource("page-bibliotek.html"))));
        FeedPoller poller = fixture.poller(url("/aktuelt/atom.xml"));

        PollReport report = poller.pollAllNow();

        assertThat(report.newArticles()).isEqualTo(2);
        Article ferje = articleTitled("Ferjekaia stenges i to uker");
        assertThat(ferje.lead()).startsWith("Fra mandag 27. mai stenges ferjekaia");
        assertThat(ferje.author()).isEqualTo("Kommunikasjonsavdelingen");
        assertThat(ferje.tags()).containsExactly("Samferdsel");
        assertThat(ferje.published()).isEqualTo(LocalDate.of(2024, 5, 14));
        assertThat(ferje.blocks()).contains(new Block(BlockType.HEADING, "Slik kommer du deg over fjorden"));
        assertThat(ferje.fullText()).doesNotContain("Tjenester", "Rådhusplassen", "informasjonskapsler", "Veiarbeid");
        Article bibliotek = articleTitled("Nytt bibliotek får navnet Fyret");
        assertThat(bibliotek.author()).isEqualTo("Liv Strand");
        assertThat(bibliotek.sourceFile()).isEqualTo(base + "/aktuelt/nytt-bibliotek-fyret");
        assertThat(bibliotek.fullText()).contains("lesesal med utsikt over havna").doesNotContain("Politikk");
        server.verify(getRequestedFor(urlEqualTo("/aktuelt/ferjekaia-stenges"))
                .withHeader("User-Agent", equalTo(FeedFixture.USER_AGENT))
                .withHeader("Accept", containing("text/html")));

        fixture.clock.advance(Duration.ofMinutes(10));
        PollReport second = poller.pollDue();
        assertThat(second.count(ItemOutcome.UNCHANGED)).isEqualTo(2);
        server.verify(1, getRequestedFor(urlEqualTo("/aktuelt/ferjekaia-stenges")));
        server.verify(1, getRequestedFor(urlEqualTo("/aktuelt/nytt-bibliotek-fyret")));
    }

    @Test
    void eachFeedErrorIsRecordedLoggedOnceAndBacksOffWhileTheGoodFeedIsStillRead() throws IOException {
        String refused = "http://localhost:" + closedPort() + "/feed/";
        server.stubFor(get(urlEqualTo("/missing/feed/")).willReturn(aResponse().withStatus(404).withBody("Not Found")));
        server.stubFor(get(urlEqualTo("/down/feed/")).willReturn(aResponse().withStatus(500).withBody("Internal Server Error")));
        server.stubFor(get(urlEqualTo("/malformed/feed/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", RSS).withBody("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Halv")));
        server.stubFor(get(urlEqualTo("/html/feed/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody(FeedFixture.resource("page-bibliotek.html"))));
        server.stubFor(get(urlEqualTo("/huge/feed/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", RSS).withBody("<rss>" + "x".repeat(2_000_000) + "</rss>")));
        serveFeed("/feed/", FeedFixture.resource("wordpress-rss2.xml"), "\"v1\"");
        List<String> broken = List.of(refused, url("/missing/feed/"), url("/down/feed/"), url("/malformed/feed/"),
                url("/html/feed/"), url("/huge/feed/"));
        FeedPoller poller = fixture.poller(Stream.concat(broken.stream(), Stream.of(url("/feed/"))).toArray(String[]::new));

        try (LogCapture log = new LogCapture(FeedPoller.class)) {
            PollReport first = poller.pollAllNow();

            assertThat(first.feedsFailed()).isEqualTo(6);
            assertThat(first.newArticles()).isEqualTo(3);
            assertThat(fixture.source(refused).lastError()).contains("cannot be reached");
            assertThat(fixture.source(url("/missing/feed/")).lastError()).contains("HTTP 404");
            assertThat(fixture.source(url("/down/feed/")).lastError()).contains("HTTP 500");
            assertThat(fixture.source(url("/malformed/feed/")).lastError()).contains("not well-formed XML");
            assertThat(fixture.source(url("/html/feed/")).lastError()).contains("does not serve an RSS or Atom feed");
            assertThat(fixture.source(url("/huge/feed/")).lastError()).contains("larger than the configured limit");
            for (String feed : broken) {
                FeedSource source = fixture.source(feed);
                assertThat(source.consecutiveFailures()).isEqualTo(1);
                assertThat(source.nextPollAt()).isEqualTo(fixture.clock.instant().plus(fixture.interval));
                assertThat(log.matching("WARN", feed)).hasSize(1);
            }

            fixture.clock.advance(Duration.ofMinutes(6));
            PollReport waiting = poller.pollDue();
            assertThat(waiting.feedsWaiting()).isEqualTo(6);
            server.verify(1, getRequestedFor(urlEqualTo("/missing/feed/")));

            fixture.clock.advance(Duration.ofMinutes(5));
            poller.pollDue();
            FeedSource missing = fixture.source(url("/missing/feed/"));
            assertThat(missing.consecutiveFailures()).isEqualTo(2);
            assertThat(missing.nextPollAt()).isEqualTo(fixture.clock.instant().plus(fixture.interval.multipliedBy(2)));
            assertThat(log.matching("WARN", url("/missing/feed/"))).hasSize(1);

            HealthCheck.Result health = new FeedHealthCheck(poller.feeds(), fixture.ledger).call();
            assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(health.getDetails()).containsEntry(url("/missing/feed/") + ".failures", 2);

            serveFeed("/missing/feed/", FeedFixture.resource("wordpress-rss2.xml"), "\"v1\"");
            fixture.clock.advance(Duration.ofMinutes(25));
            poller.pollDue();
            FeedSource recovered = fixture.source(url("/missing/feed/"));
            assertThat(recovered.consecutiveFailures()).isZero();
            assertThat(recovered.lastSuccessAt()).isEqualTo(fixture.clock.instant());
            assertThat(log.matching("INFO", url("/missing/feed/") + " works again after 2 failed polls")).hasSize(1);
        }
    }

    @Test
    void backoffDoublesUpToTheCap() {
        FeedPoller poller = fixture.poller();
        assertThat(poller.backoff(1)).isEqualTo(Duration.ofMinutes(10));
        assertThat(poller.backoff(3)).isEqualTo(Duration.ofMinutes(40));
        assertThat(poller.backoff(50)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void redirectsAreFollowedOnTheSameSiteOnly() {
        serveFeed("/feed/", FeedFixture.resource("wordpress-rss2.xml"), "\"v1\"");
        server.stubFor(get(urlEqualTo("/moved/")).willReturn(aResponse().withStatus(301)
                .withHeader("Location", "http://127.0.0.1:" + server.port() + "/feed/")));
        server.stubFor(get(urlEqualTo("/old-feed/")).willReturn(aResponse().withStatus(302).withHeader("Location", "/feed/")));

        PollReport offSite = fixture.poller(url("/moved/")).pollAllNow();
        assertThat(offSite.feedsFailed()).isEqualTo(1);
        assertThat(fixture.source(url("/moved/")).lastError()).contains("redirects to another site", "127.0.0.1");
        server.verify(0, getRequestedFor(urlEqualTo("/feed/")));

        PollReport sameSite = fixture.poller(url("/old-feed/")).pollAllNow();
        assertThat(sameSite.newArticles()).isEqualTo(3);
    }

    private static String reversedAndRedated(String feed) {
        int first = feed.indexOf("<item>");
        int end = feed.lastIndexOf("</item>") + "</item>".length();
        String[] items = feed.substring(first, end).split("(?=<item>)");
        StringBuilder reversed = new StringBuilder();
        for (int i = items.length - 1; i >= 0; i--) reversed.append(items[i].strip()).append("\n\t\t");
        return (feed.substring(0, first) + reversed + feed.substring(end))
                .replaceAll("<pubDate>[^<]+</pubDate>", "<pubDate>Tue, 14 May 2024 06:00:00 +0000</pubDate>")
                .replace("<lastBuildDate>Mon, 13 May 2024 08:12:44 +0000", "<lastBuildDate>Tue, 14 May 2024 06:00:00 +0000");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
