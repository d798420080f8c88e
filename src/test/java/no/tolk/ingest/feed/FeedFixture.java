package no.tolk.ingest.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import no.tolk.extract.ArticleExtractor;
import no.tolk.extract.ExtractionLimits;
import no.tolk.extract.LanguageIdentifier;
import no.tolk.store.Database;
import no.tolk.store.JdbcArticleStore;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/** Feed ingestion over a fresh in-memory database and a small Camel context, with a clock the test moves. */
final class FeedFixture implements AutoCloseable {

    static final int READ_TIMEOUT_MILLIS = 1500;
    static final String USER_AGENT = FeedConfiguration.userAgent("https://tolk.example/kontakt");
    private static ArticleExtractor extractor;

    final TestClock clock = new TestClock(Instant.parse("2024-05-14T10:00:00Z"));
    final DataSource dataSource;
    final JdbcArticleStore store;
    final JdbcFeedLedger ledger;
    final Path archive;
    final Duration interval = Duration.ofMinutes(10);
    final Duration maxBackoff = Duration.ofHours(6);
    private final CloseableHttpClient httpClient;
    private final CamelContext camel;
    final PageFetcher fetcher;

    FeedFixture(Path home, long maxBytes) {
        dataSource = Database.open("jdbc:h2:mem:feeds-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "");
        store = new JdbcArticleStore(dataSource, clock);
        ledger = new JdbcFeedLedger(dataSource);
        archive = home.resolve("archive").resolve("feeds");
        httpClient = FeedConfiguration.httpClient(USER_AGENT, 2000, READ_TIMEOUT_MILLIS, maxBytes);
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("feedHttpClient", httpClient);
        camel.start();
        fetcher = new PageFetcher(camel.createProducerTemplate(), FeedConfiguration.ENDPOINT);
    }

    static synchronized ArticleExtractor extractor() {
        if (extractor == null) {
            extractor = new ArticleExtractor(new ExtractionLimits(52_428_800, 2_000_000, Duration.ofSeconds(60)), new LanguageIdentifier());
        }
        return extractor;
    }

    FeedPoller poller(String... feeds) {
        FeedItemImporter importer = new FeedItemImporter(ledger, store, extractor(), fetcher, archive,
                FeedConfiguration.languages("nb,nn,no"), clock);
        return new FeedPoller(List.of(feeds), ledger, fetcher, new FeedReader(), importer, clock, interval, maxBackoff);
    }

    FeedSource source(String url) {
        return ledger.findSource(url).orElseThrow();
    }

    static String resource(String name) {
        try (InputStream in = FeedFixture.class.getResourceAsStream("/feeds/" + name)) {
            if (in == null) throw new IllegalArgumentException("no test resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        camel.stop();
        httpClient.close();
    }

    /** A clock that stands still until the test moves it. */
    static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Europe/Oslo");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
