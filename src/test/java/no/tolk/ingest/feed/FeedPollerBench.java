package no.tolk.ingest.feed;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run by hand: {@code mvn -o -q test -Dtest=FeedPollerBench -Dtolk.bench=true}; prints items/s for a 200-item feed
 * (full text in the feed, and links to pages) and checks that a second poll stores nothing new.
 */
@Tag("bench")
@EnabledIfSystemProperty(named = "tolk.bench", matches = "true")
class FeedPollerBench {

    private static final int ITEMS = 200;
    private static final String[] SENTENCES = {
        "Kommunestyret behandlet saken i sitt møte tirsdag kveld, og et stort flertall stemte for forslaget.",
        "Flere innbyggere har tatt kontakt med avisen og uttrykt bekymring for trafikksikkerheten langs skoleveien.",
        "Prosjektet skal etter planen stå ferdig neste høst, men fortsatt er finansieringen ikke helt på plass.",
        "Ordføreren sier at kommunen vil bruke de kommende ukene på å lytte til innspill fra nabolaget.",
        "Frivillige har lagt ned hundrevis av timer med dugnad for å gjøre arrangementet mulig i år.",
        "Det er ventet godt oppmøte, og arrangørene anbefaler alle å ta bussen eller sykle dit.",
        "Fylkeskommunen har bevilget midler til tiltaket, som også får støtte fra lokale bedrifter.",
        "I løpet av sommeren blir det arrangert konserter, kurs og aktiviteter for både barn og voksne."
    };

    @TempDir
    Path home;

    @Test
    void twoHundredItemsWithFullTextAndWithLinkedPages() throws Exception {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        try (FeedFixture fixture = new FeedFixture(home, 10_485_760)) {
            String base = "http://localhost:" + server.port();
            server.stubFor(get(urlEqualTo("/feed/")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/rss+xml; charset=UTF-8").withBody(rss(base))));
            server.stubFor(get(urlEqualTo("/atom.xml")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/atom+xml").withBody(atom(base))));
            for (int i = 0; i < ITEMS; i++) {
                server.stubFor(get(urlEqualTo("/side/" + i)).willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "text/html; charset=utf-8").withBody(page(i))));
            }
            FixtureExtractorWarmUp.run(fixture);

            measure("RSS with content:encoded", fixture, fixture.poller(base + "/feed/"));
            measure("Atom with linked pages", fixture, fixture.poller(base + "/atom.xml"));
        } finally {
            server.stop();
        }
    }

    private static void measure(String label, FeedFixture fixture, FeedPoller poller) {
        long start = System.nanoTime();
        PollReport first = poller.pollAllNow();
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(first.newArticles()).isEqualTo(ITEMS);

        fixture.clock.advance(Duration.ofMinutes(10));
        long again = System.nanoTime();
        PollReport second = poller.pollDue();
        double secondSeconds = (System.nanoTime() - again) / 1e9;
        assertThat(second.newArticles()).isZero();
        assertThat(second.stored()).isEmpty();
        System.out.printf("BENCH %s: first poll %d items in %.2f s = %.1f items/s; second poll %d new articles, %d unchanged, %.2f s%n",
                label, first.itemsSeen(), seconds, first.itemsSeen() / seconds, second.newArticles(),
                second.count(ItemOutcome.UNCHANGED), secondSeconds);
    }

    private static String body(int i) {
        StringBuilder text = new StringBuilder();
        for (int p = 0; p < 5; p++) {
            text.append("<p>Sak ").append(i).append(", avsnitt ").append(p + 1).append(". ")
                    .append(SENTENCES[(i + p) % SENTENCES.length]).append(' ')
                    .append(SENTENCES[(i * 3 + p) % SENTENCES.length]).append("</p>\n");
        }
        return text.toString();
    }

    private static String rss(String base) {
        StringBuilder feed = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                  xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Lokalavisen</title><link>%s</link>
                  <description>Nyheter</description><language>nb-NO</language>
                """.formatted(base));
        for (int i = 0; i < ITEMS; i++) {
            feed.append("<item><title>Nyhetssak nummer ").append(i).append(" fra bygda</title><link>").append(base)
                    .append("/sak/").append(i).append("</link><dc:creator><![CDATA[Journalist ").append(i % 7)
                    .append("]]></dc:creator><pubDate>Mon, 13 May 2024 08:00:00 +0000</pubDate><category><![CDATA[Lokalt]]></category>")
                    .append("<guid isPermaLink=\"false\">").append(base).append("/?p=").append(i).append("</guid>")
                    .append("<content:encoded><![CDATA[").append(body(i)).append("]]></content:encoded></item>\n");
        }
        return feed.append("</channel></rss>").toString();
    }

    private static String atom(String base) {
        StringBuilder feed = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
                + "<title>Kommunen</title><id>tag:kommunen,2024:nyheter</id><updated>2024-05-14T09:30:00Z</updated>\n");
        for (int i = 0; i < ITEMS; i++) {
            feed.append("<entry><title>Melding ").append(i).append(" fra kommunen</title><link href=\"").append(base)
                    .append("/side/").append(i).append("\"/><id>tag:kommunen,2024:").append(i)
                    .append("</id><updated>2024-05-14T09:30:00Z</updated><author><name>Kommunen</name></author>")
                    .append("<summary>Kort om sak ").append(i).append("</summary></entry>\n");
        }
        return feed.append("</feed>").toString();
    }

    private static String page(int i) {
        return "<!DOCTYPE html><html lang=\"nb\"><head><meta charset=\"utf-8\"><title>Melding " + i + " fra kommunen | Kommunen</title></head>"
                + "<body><header><nav><a href=\"/\">Forside</a> <a href=\"/tjenester\">Tjenester</a></nav></header>"
                + "<main><article><h1>Melding " + i + " fra kommunen</h1>" + body(i + 1000) + "</article></main>"
                + "<footer><p>Kommunen · Rådhuset · Sentralbord 12 34 56 78</p></footer></body></html>";
    }

    /** Lingua loads its language models on first use; that one-off cost is not per item. */
    private static final class FixtureExtractorWarmUp {
        static void run(FeedFixture fixture) throws Exception {
            FeedFixture.extractor().extractHtml("<html><head><title>Oppvarming</title></head><body><p>"
                    + SENTENCES[0] + "</p></body></html>", "warm-up", null);
        }
    }
}
