package no.tolk.translate.engine;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;
import no.tolk.article.ArticleJson;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/** A local service (WireMock), a Camel context to call it through, and retries that record their waits instead of sleeping. */
final class EngineHarness implements AutoCloseable {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);

    final WireMockServer server = new WireMockServer(options().dynamicPort());
    final CamelContext camel = new DefaultCamelContext();
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    EngineHarness() {
        server.start();
        camel.start();
    }

    String url() {
        return server.baseUrl();
    }

    CamelHttpClient http(String engine) {
        return http(engine, Duration.ofSeconds(5));
    }

    CamelHttpClient http(String engine, Duration requestTimeout) {
        return new CamelHttpClient(engine, camel, new EngineEndpoint(url(), Duration.ofSeconds(2), requestTimeout));
    }

    /** Base delay 1 s and max delay 30 s as in production, but the sleeper only records. */
    RetryPolicy retry(int maxAttempts) {
        return new RetryPolicy(maxAttempts, Duration.ofSeconds(1), Duration.ofSeconds(30), sleeps::add, RandomGenerator.getDefault());
    }

    List<LoggedRequest> requests() {
        List<LoggedRequest> newestFirst = new java.util.ArrayList<>(server.getAllServeEvents().stream().map(event -> event.getRequest()).toList());
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    static JsonNode json(LoggedRequest request) {
        try {
            return ArticleJson.mapper().readTree(request.getBodyAsString());
        } catch (Exception e) {
            throw new AssertionError("request body is not JSON: " + request.getBodyAsString(), e);
        }
    }

    @Override
    public void close() {
        camel.stop();
        server.stop();
    }
}
