package no.tolk.publish;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.tolk.article.ArticleState;
import no.tolk.publish.cms.CmsPublisher;
import no.tolk.publish.cms.StaticSitePublisher;
import no.tolk.publish.cms.WordPressPublisher;
import no.tolk.publish.cms.WordPressSettings;
import no.tolk.publish.social.OutboxChannel;
import no.tolk.publish.social.Platform;
import no.tolk.publish.social.SocialChannel;
import no.tolk.publish.social.SocialChannels;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run by hand: {@code mvn -o -q test -Dtest=PublishingRunBench -Dtolk.bench=true}; prints articles/s and peak heap
 * for 500 articles to the static site and the outbox (5 platforms × 2 languages), and the wall time against the sum
 * of latencies for a WordPress that takes 50 ms per call.
 */
@Tag("bench")
@EnabledIfSystemProperty(named = "tolk.bench", matches = "true")
class PublishingRunBench {

    private static final int ARTICLES = Integer.getInteger("tolk.bench.articles", 500);
    private static final int LATENCY_MILLIS = 50;

    @TempDir
    Path home;

    @Test
    void staticSiteAndOutbox() throws Exception {
        for (int concurrency : new int[] {1, 4}) {
            Path run = home.resolve("static-" + concurrency);
            try (PublishFixture fixture = new PublishFixture(run)) {
                approve(fixture, ARTICLES);
                List<SocialChannel> outbox = new ArrayList<>();
                for (Platform platform : Platform.values()) {
                    outbox.add(new OutboxChannel(run.resolve("outbox/social"), platform, platform.defaultRule(), Set.of("nb", "en")));
                }
                CmsPublisher site = new StaticSitePublisher(run.resolve("site"), run.resolve("site/content"), "https://news.example");
                PublishingRun publishing = fixture.run(site, new SocialChannels(outbox), settings(concurrency));
                System.gc();
                resetPeakHeap();
                long started = System.nanoTime();
                int published = publishing.publishApproved();
                double seconds = (System.nanoTime() - started) / 1e9;
                assertThat(published).isEqualTo(ARTICLES);
                System.out.printf("BENCH static+outbox concurrency %d: %d articles in %.1f s = %.0f articles/s, peak heap %d MiB%n",
                        concurrency, ARTICLES, seconds, ARTICLES / seconds, peakHeap() / (1024 * 1024));
            }
        }
    }

    @Test
    void wordPressWithFiftyMillisecondsPerCall() throws Exception {
        WireMockServer wordpress = new WireMockServer(options().dynamicPort().containerThreads(40));
        wordpress.start();
        try {
            String posts = "/wp-json/wp/v2/posts";
            wordpress.stubFor(get(urlPathEqualTo(posts)).willReturn(okJson("[]").withFixedDelay(LATENCY_MILLIS)));
            wordpress.stubFor(post(urlEqualTo(posts)).willReturn(aResponse().withStatus(201)
                    .withHeader("Content-Type", "application/json").withFixedDelay(LATENCY_MILLIS)
                    .withBody("{\"id\":1{{randomValue length=8 type='NUMERIC'}},\"link\":\"https://wp.example/?p=1\",\"slug\":\"s\"}")
                    .withTransformers("response-template")));
            wordpress.stubFor(post(urlPathMatching(posts + "/[0-9]+")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withFixedDelay(LATENCY_MILLIS)
                    .withBody("{\"id\":{{request.pathSegments.[4]}},\"link\":\"https://wp.example/?p={{request.pathSegments.[4]}}\"}")
                    .withTransformers("response-template")));
            for (int concurrency : new int[] {1, 8}) {
                int articles = concurrency == 1 ? Math.min(ARTICLES, 100) : ARTICLES;
                Path run = home.resolve("wordpress-" + concurrency);
                wordpress.resetRequests();
                try (PublishFixture fixture = new PublishFixture(run)) {
                    approve(fixture, articles);
                    CmsPublisher cms = new WordPressPublisher(new WordPressSettings(URI.create(wordpress.baseUrl() + "/"), "editor",
                            "abcd efgh", "draft", LocalTime.of(6, 0), ZoneId.of("Europe/Oslo"), false, List.of(), false, run,
                            1_000_000, Duration.ofSeconds(2), Duration.ofSeconds(10)), Clock.systemUTC());
                    SocialChannels outbox = new SocialChannels(List.of(new OutboxChannel(run.resolve("outbox/social"),
                            Platform.MASTODON, Platform.MASTODON.defaultRule(), Set.of("nb", "en"))));
                    PublishingRun publishing = fixture.run(cms, outbox, settings(concurrency));
                    long started = System.nanoTime();
                    int published = publishing.publishApproved();
                    double seconds = (System.nanoTime() - started) / 1e9;
                    int calls = wordpress.getAllServeEvents().size();
                    assertThat(published).isEqualTo(articles);
                    System.out.printf("BENCH wordpress concurrency %d: %d articles, %d calls, sum of latencies %.1f s, wall %.1f s"
                                    + " (%.0f%% of the sum), %.1f articles/s%n", concurrency, articles, calls,
                            calls * LATENCY_MILLIS / 1000.0, seconds, 100 * seconds / (calls * LATENCY_MILLIS / 1000.0), articles / seconds);
                }
            }
        } finally {
            wordpress.stop();
        }
    }

    private static PublishSettings settings(int concurrency) {
        return new PublishSettings("immediate", 3, Duration.ofMillis(100), concurrency, false, Duration.ofMinutes(5));
    }

    private static void approve(PublishFixture fixture, int count) {
        for (int i = 0; i < count; i++) {
            fixture.article("bench-" + i, "Kommunestyret vedtok budsjettet for år " + (2000 + i),
                    "The council adopted the budget for the year " + (2000 + i), ArticleState.APPROVED);
        }
    }

    private static void resetPeakHeap() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }
}
