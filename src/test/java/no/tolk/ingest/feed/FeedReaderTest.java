package no.tolk.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedReaderTest {

    private final FeedReader reader = new FeedReader();

    private static FetchedPage page(String url, String contentType, String body) {
        return new FetchedPage(url, false, body.getBytes(StandardCharsets.UTF_8), contentType, null, null);
    }

    @Test
    void readsWordPressItemsWithGuidCreatorCategoriesAndFullText() throws FeedFailure {
        List<FeedItem> items = reader.read("https://fjordbyen-il.no/feed/",
                page("https://fjordbyen-il.no/feed/", "application/rss+xml; charset=UTF-8", FeedFixture.resource("wordpress-rss2.xml")));

        assertThat(items).hasSize(4);
        FeedItem first = items.get(0);
        assertThat(first.key()).isEqualTo("feed:https://fjordbyen-il.no/?p=1234");
        assertThat(first.link()).isEqualTo("https://fjordbyen-il.no/2024/05/13/ny-kunstgressbane-apnet/");
        assertThat(first.author()).isEqualTo("Kari Nordmann");
        assertThat(first.categories()).containsExactly("Anlegg", "Fotball");
        assertThat(first.published()).isEqualTo(Instant.parse("2024-05-13T08:12:44Z"));
        assertThat(first.content()).contains("<h2 class=\"wp-block-heading\">Lys og undervarme</h2>");
        assertThat(first.summary()).startsWith("Etter to års arbeid");
    }

    @Test
    void norwegianAndNumericPubDatesAreReadWithOsloAsTheZoneWhenNoneIsGiven() throws FeedFailure {
        String url = "https://www.kinn.kommune.no/aktuelt/feed/";
        List<FeedItem> items = reader.read(url, page(url, "application/rss+xml", FeedFixture.resource("cms-norsk-datoer.xml")));

        assertThat(items).extracting(FeedItem::published).containsExactly(
                Instant.parse("2024-05-13T07:15:00Z"), Instant.parse("2024-05-13T07:15:00Z"), Instant.parse("2024-05-13T07:15:00Z"));
        assertThat(FeedDates.parse("13. januar 2024 kl. 14.05")).contains(Instant.parse("2024-01-13T13:05:00Z"));
        assertThat(FeedDates.parse("Tue, 14 Jan 2025 08:00 GMT")).contains(Instant.parse("2025-01-14T08:00:00Z"));
        assertThat(FeedDates.parse("2024-05-13")).contains(Instant.parse("2024-05-12T22:00:00Z"));
        assertThat(FeedDates.parse("31.02.2024")).isEmpty();
        assertThat(FeedDates.parse("i går")).isEmpty();
    }

    @Test
    void relativeSourcesAndLinksInItemContentAreResolvedAgainstTheItemsLink() throws FeedFailure {
        String url = "https://www.kinn.kommune.no/aktuelt/feed/";
        FeedItem first = reader.read(url, page(url, "application/rss+xml", FeedFixture.resource("cms-norsk-datoer.xml"))).get(0);

        assertThat(first.content())
                .contains("src=\"https://www.kinn.kommune.no/wp-content/uploads/2024/05/kai.jpg\"")
                .contains("srcset=\"https://www.kinn.kommune.no/wp-content/uploads/2024/05/kai-300.jpg 300w,"
                        + " https://www.kinn.kommune.no/aktuelt/ny-hurtigbatkai/kai-1024.jpg 1024w\"")
                .contains("href=\"https://www.kinn.kommune.no/aktuelt/planer/havneplan.pdf\"")
                .contains("href=\"https://www.kystverket.no/\"");
        String absolute = "<p><img src=\"https://x.no/a.jpg\"> <a href=\"#top\">opp</a></p>";
        assertThat(FeedReader.withAbsoluteUrls(absolute, "https://x.no/sak/")).isSameAs(absolute);
    }

    @Test
    void readsAtomEntriesWithoutContentAndResolvesRelativeLinks() throws FeedFailure {
        String base = "https://fjordbyen.kommune.no";
        List<FeedItem> items = reader.read(base + "/aktuelt/atom.xml", page(base + "/aktuelt/atom.xml", "application/atom+xml",
                FeedFixture.resource("kommune-atom.xml").replace("{{BASE}}", base)));

        assertThat(items).hasSize(2);
        assertThat(items).allSatisfy(item -> assertThat(item.hasContent()).isFalse());
        FeedItem second = items.get(1);
        assertThat(second.key()).isEqualTo("feed:tag:fjordbyen.kommune.no,2024:aktuelt/4702");
        assertThat(second.link()).isEqualTo(base + "/aktuelt/nytt-bibliotek-fyret");
        assertThat(second.author()).isEqualTo("Liv Strand");
        assertThat(second.categories()).containsExactly("Kultur");
    }

    @Test
    void anItemWithoutGuidIsKnownByItsLinkAndItsDateIsNotPartOfItsFingerprint() {
        FeedItem item = new FeedItem("f", null, "https://x.no/a", "Tittel", null, Instant.parse("2024-01-01T00:00:00Z"),
                null, List.of(), "<p>Tekst</p>", null);
        FeedItem redated = new FeedItem("f", null, "https://x.no/a", "Tittel", null, Instant.parse("2024-06-01T00:00:00Z"),
                null, List.of(), "<p>Tekst</p>", null);

        assertThat(item.key()).isEqualTo("feed:https://x.no/a");
        assertThat(redated.fingerprint()).isEqualTo(item.fingerprint());
    }

    @Test
    void wellFormedXmlThatIsNoFeedIsReportedAsNotAFeed() {
        assertThatThrownBy(() -> reader.read("https://x.no/sitemap.xml", page("https://x.no/sitemap.xml", "application/xml",
                "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>https://x.no/</loc></url></urlset>")))
                .isInstanceOfSatisfying(FeedFailure.class, failure -> assertThat(failure.kind()).isEqualTo(FeedFailure.Kind.NOT_A_FEED));
    }

    @Test
    void doctypesAreRefusedSoEntitiesCannotReadLocalFiles() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"2.0\"><channel><title>&x;</title></channel></rss>";
        assertThatThrownBy(() -> reader.read("https://x.no/feed", page("https://x.no/feed", "application/rss+xml", xxe)))
                .isInstanceOfSatisfying(FeedFailure.class, failure -> assertThat(failure.kind()).isEqualTo(FeedFailure.Kind.MALFORMED));
    }
}
