package no.tolk.ingest.feed;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.Options;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageFetcherTest {

    private static final long LIMIT = 100_000;

    @TempDir
    Path home;

    private WireMockServer server;
    private FeedFixture fixture;

    @BeforeEach
    void start() {
        // no automatic gzip and a Content-Length on every answer: each test decides what the server sends
        server = new WireMockServer(options().dynamicPort().gzipDisabled(true)
                .useChunkedTransferEncoding(Options.ChunkedEncodingPolicy.NEVER));
        server.start();
        fixture = new FeedFixture(home, LIMIT);
    }

    @AfterEach
    void stop() throws IOException {
        fixture.close();
        server.stop();
    }

    private String url(String path) {
        return "http://localhost:" + server.port() + path;
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeReading() {
        server.stubFor(get(urlEqualTo("/big")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody(new byte[(int) LIMIT * 20])));

        assertThatThrownBy(() -> fixture.fetcher.fetch(url("/big"), PageFetcher.PAGE_ACCEPT))
                .isInstanceOfSatisfying(FeedFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(FeedFailure.Kind.TOO_LARGE);
                    assertThat(failure.getMessage()).contains("2000000 bytes declared");
                });
    }

    @Test
    void aGzipBombIsCutOffAtTheLimitOfTheDecodedSize() throws IOException {
        byte[] bomb = gzip(new byte[50_000_000]);
        assertThat(bomb.length).isLessThan((int) LIMIT);
        server.stubFor(get(urlEqualTo("/bomb")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/rss+xml").withHeader("Content-Encoding", "gzip").withBody(bomb)));

        assertThatThrownBy(() -> fixture.fetcher.fetch(url("/bomb"), PageFetcher.FEED_ACCEPT))
                .isInstanceOfSatisfying(FeedFailure.class,
                        failure -> assertThat(failure.kind()).isEqualTo(FeedFailure.Kind.TOO_LARGE));
    }

    @Test
    void aGzippedPageIsDecodedAndItsCharsetHonoured() throws Exception {
        String page = "<html><head><title>Blåbærsyltetøy</title></head><body><p>Æ, ø og å.</p></body></html>";
        server.stubFor(get(urlEqualTo("/page")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=ISO-8859-1").withHeader("Content-Encoding", "gzip")
                .withHeader("ETag", "\"abc\"").withBody(gzip(page.getBytes(StandardCharsets.ISO_8859_1)))));

        FetchedPage fetched = fixture.fetcher.fetch(url("/page"), PageFetcher.PAGE_ACCEPT);

        assertThat(fetched.text()).isEqualTo(page);
        assertThat(fetched.isHtml()).isTrue();
        assertThat(fetched.etag()).isEqualTo("\"abc\"");
    }

    @Test
    void rateLimitingIsTransientAndCarriesRetryAfter() {
        server.stubFor(get(urlEqualTo("/busy")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

        assertThatThrownBy(() -> fixture.fetcher.fetch(url("/busy"), PageFetcher.FEED_ACCEPT))
                .isInstanceOfSatisfying(FeedFailure.class, failure -> {
                    assertThat(failure.httpStatus()).isEqualTo(429);
                    assertThat(failure.isTransient()).isTrue();
                    assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(120));
                });
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsATimeout() {
        server.stubFor(get(urlEqualTo("/slow")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(FeedFixture.READ_TIMEOUT_MILLIS * 2).withBody("<rss/>")));

        assertThatThrownBy(() -> fixture.fetcher.fetch(url("/slow"), PageFetcher.FEED_ACCEPT))
                .isInstanceOfSatisfying(FeedFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(FeedFailure.Kind.TIMEOUT);
                    assertThat(failure.isTransient()).isTrue();
                });
    }

    @Test
    void aMissingPageIsNotTransient() {
        server.stubFor(get(urlEqualTo("/gone")).willReturn(aResponse().withStatus(404)));

        assertThatThrownBy(() -> fixture.fetcher.fetch(url("/gone"), PageFetcher.PAGE_ACCEPT))
                .isInstanceOfSatisfying(FeedFailure.class, failure -> assertThat(failure.isTransient()).isFalse());
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        }
        return out.toByteArray();
    }
}
