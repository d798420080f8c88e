package no.tolk.ingest.feed;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import no.tolk.article.Article;
import no.tolk.cli.TolkCommand;
import no.tolk.store.ArticleSummary;
import no.tolk.store.Database;
import no.tolk.store.JdbcArticleStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real application, as {@code tolk once --home DIR} starts it (Camel Main, YAML routes, every configuration class):
 * a WordPress feed and a broken feed configured in the home's application.properties, a file in the inbox.
 */
class FeedIngestEndToEndTest {

    @TempDir
    Path home;

    private WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        no.tolk.store.HomeDatabase.shutDown(home);
    }

    @Test
    void tolkOncePollsEachFeedIntoStoredArticlesBesidesDrainingTheInbox() throws Exception {
        server.stubFor(get(urlEqualTo("/feed/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/rss+xml; charset=UTF-8")
                .withBody(FeedFixture.resource("wordpress-rss2.xml"))));
        server.stubFor(get(urlEqualTo("/gone/feed/")).willReturn(aResponse().withStatus(404)));
        String feed = "http://localhost:" + server.port() + "/feed/";
        String gone = "http://localhost:" + server.port() + "/gone/feed/";
        Files.createDirectories(home.resolve("inbox"));
        Files.writeString(home.resolve("application.properties"), String.join("\n",
                "tolk.ingest.feeds = " + gone + ", " + feed,
                "tolk.ingest.feed-contact = redaksjonen@fjordbyen-il.no",
                "tolk.ingest.read-lock-min-age = 100",
                "tolk.ingest.read-lock-check-interval = 100",
                "tolk.ingest.poll-delay = 200",
                ""), StandardCharsets.UTF_8);
        Files.writeString(home.resolve("inbox").resolve("dugnad.txt"), """
                Dugnad på klubbhuset lørdag

                Styret inviterer alle medlemmer til dugnad på klubbhuset lørdag fra klokka ti. Vi skal male veggene, rydde lageret og gjøre garderobene klare for sesongen.

                Klubben spanderer lunsj og kaffe til alle som kommer. Ta gjerne med egne koster og maleruller om du har.
                """, StandardCharsets.UTF_8);

        int exitCode = TolkCommand.commandLine().execute("once", "--home", home.toString());

        assertThat(exitCode).isZero();
        assertThat(home.resolve("inbox").resolve("dugnad.txt")).doesNotExist();
        JdbcArticleStore store = new JdbcArticleStore(Database.open(Database.defaultUrl(home), "", ""));
        List<ArticleSummary> articles = store.listArticles();
        assertThat(articles).extracting(ArticleSummary::title).contains(
                "Ny kunstgressbane åpnet på Fjordbyen", "Rekordpåmelding til sommerens fotballskole",
                "Årsmøtet valgte ny styreleder", "Open training for international players", "Dugnad på klubbhuset lørdag");
        ArticleSummary bane = articles.stream().filter(a -> a.title().equals("Ny kunstgressbane åpnet på Fjordbyen")).findFirst().orElseThrow();
        // 'once' also runs the translation stage, which sends the article to the default engine (xliff)
        assertThat(bane.state()).isIn("extracted", "awaiting_translation");
        Article stored = store.findArticle(bane.id()).orElseThrow();
        assertThat(stored.author()).isEqualTo("Kari Nordmann");
        assertThat(stored.published()).isEqualTo(LocalDate.of(2024, 5, 13));
        assertThat(stored.tags()).containsExactly("Anlegg", "Fotball");
        assertThat(stored.language()).isEqualTo("nb");
        assertThat(articles).filteredOn(a -> a.title().startsWith("Open training")).singleElement()
                .satisfies(skipped -> assertThat(skipped.state()).isEqualTo("skipped"));
        server.verify(getRequestedFor(urlEqualTo("/feed/"))
                .withHeader("User-Agent", equalTo("Tolk/0.1 (+redaksjonen@fjordbyen-il.no)")));
        try (var archived = Files.walk(home.resolve("archive").resolve("feeds"))) {
            assertThat(archived.filter(Files::isRegularFile).count()).isEqualTo(4);
        }

        String status = captureOut(() -> TolkCommand.commandLine().execute("status", "--home", home.toString()));
        assertThat(status).contains("Feeds:", feed, gone, "1x: the server answered with an error status (HTTP 404");

        int secondRun = TolkCommand.commandLine().execute("once", "--home", home.toString());
        assertThat(secondRun).isZero();
        assertThat(store.listArticles()).hasSize(articles.size());
        // the broken feed backs off across runs instead of being asked on every 'tolk once'
        server.verify(1, getRequestedFor(urlEqualTo("/gone/feed/")));
    }

    private static String captureOut(Runnable command) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            command.run();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
