package no.tolk.translate.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import no.tolk.translate.EngineRejectedException;
import no.tolk.translate.EngineUnavailableException;
import no.tolk.translate.RateLimitedException;
import no.tolk.translate.Segment;
import no.tolk.translate.TranslationRequest;
import no.tolk.translate.TranslationResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LibreTranslateTranslatorTest {

    private EngineHarness harness;

    @BeforeEach
    void start() {
        harness = new EngineHarness();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private LibreTranslateTranslator translator(String key, int maxTexts, int maxAttempts) {
        return new LibreTranslateTranslator(harness.http("libretranslate"), key, maxTexts, 32 * 1024,
                harness.retry(maxAttempts), EngineHarness.CLOCK);
    }

    private static TranslationRequest request(List<Segment> segments) {
        return new TranslationRequest("nb", "en", segments, Map.of(), Set.of());
    }

    @Test
    void sendsAnArrayWithKeyAndReadsTheArrayReply() throws Exception {
        harness.server.stubFor(post(urlPathEqualTo("/translate"))
                .willReturn(okJson("{\"translatedText\":[\"Hello\",\"Good day\"]}")));

        TranslationResult result = translator("libre-key", 25, 3).translate(request(List.of(new Segment("b0", "Hei"), new Segment("b1", "God dag"))));

        assertThat(result.segments()).containsExactly(new Segment("b0", "Hello"), new Segment("b1", "Good day"));
        assertThat(result.usage()).isEqualTo(new no.tolk.translate.Usage("libretranslate", null, 10, 1));
        JsonNode body = EngineHarness.json(harness.requests().get(0));
        assertThat(body.path("q").toString()).isEqualTo("[\"Hei\",\"God dag\"]");
        assertThat(body.path("source").asText()).isEqualTo("nb");
        assertThat(body.path("target").asText()).isEqualTo("en");
        assertThat(body.path("format").asText()).isEqualTo("text");
        assertThat(body.path("api_key").asText()).isEqualTo("libre-key");
    }

    @Test
    void withoutAKeyNoKeyIsSentAndTagsGoAsHtml() throws Exception {
        harness.server.stubFor(post(urlPathEqualTo("/translate"))
                .willReturn(okJson("{\"translatedText\":[\"See <x id=\\\"1\\\"/>this\"]}")));

        TranslationResult result = translator(null, 25, 3).translate(request(List.of(new Segment("b0", "Se <x id=\"1\"/>dette"))));

        JsonNode body = EngineHarness.json(harness.requests().get(0));
        assertThat(body.has("api_key")).isFalse();
        assertThat(body.path("format").asText()).isEqualTo("html");
        assertThat(result.segments().get(0).text()).isEqualTo("See <x id=\"1\"/>this");
    }

    @Test
    void respectsTheConfiguredBatchLimit() throws Exception {
        harness.server.stubFor(post(urlPathEqualTo("/translate"))
                .willReturn(okJson("{\"translatedText\":[\"a\",\"b\"]}")));

        translator(null, 2, 3).translate(request(IntStream.range(0, 4).mapToObj(i -> new Segment("b" + i, "t")).toList()));

        harness.server.verify(2, postRequestedFor(urlPathEqualTo("/translate")));
    }

    @Test
    void slowdown429IsRetriedThenReportedAsRateLimited() {
        harness.server.stubFor(post(urlPathEqualTo("/translate")).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"Slowdown: 10 per 1 minute\"}")));

        assertThatThrownBy(() -> translator(null, 25, 2).translate(request(List.of(new Segment("b0", "Hei")))))
                .isInstanceOf(RateLimitedException.class).hasMessageContaining("Slowdown");
        harness.server.verify(2, postRequestedFor(urlPathEqualTo("/translate")));
    }

    @Test
    void anInvalidKeyIsRejectedOnce() {
        harness.server.stubFor(post(urlPathEqualTo("/translate")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"Invalid API key\"}")));

        assertThatThrownBy(() -> translator("wrong-key", 25, 3).translate(request(List.of(new Segment("b0", "Hei")))))
                .isInstanceOf(EngineRejectedException.class).hasMessageContaining("Invalid API key");
        harness.server.verify(1, postRequestedFor(urlPathEqualTo("/translate")));
    }

    @Test
    void aSingleStringReplyToAnArrayIsUnavailable() {
        harness.server.stubFor(post(urlPathEqualTo("/translate")).willReturn(okJson("{\"translatedText\":\"Hello\"}")));

        assertThatThrownBy(() -> translator(null, 25, 3).translate(request(List.of(new Segment("b0", "Hei")))))
                .isInstanceOf(EngineUnavailableException.class);
    }

    @Test
    void aRefusedConnectionIsUnavailableAfterRetries() {
        LibreTranslateTranslator translator = translator(null, 25, 2);
        harness.server.stop();

        assertThatThrownBy(() -> translator.translate(request(List.of(new Segment("b0", "Hei")))))
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessageContaining("did not answer").hasMessageContaining("2 attempts");
        assertThat(harness.sleeps).hasSize(1);
    }
}
