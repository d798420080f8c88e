package no.tolk.translate.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import no.tolk.translate.EngineRejectedException;
import no.tolk.translate.QuotaExceededException;
import no.tolk.translate.RateLimitedException;
import no.tolk.translate.Segment;
import no.tolk.translate.TranslationRequest;
import no.tolk.translate.TranslationResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GoogleTranslatorTest {

    private static final String KEY = "AIzaSyD-test-key-0123456789";
    private static final String PATH = "/language/translate/v2";

    private EngineHarness harness;

    @BeforeEach
    void start() {
        harness = new EngineHarness();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private GoogleTranslator translator(int maxAttempts) {
        return new GoogleTranslator(harness.http("google"), KEY, harness.retry(maxAttempts), EngineHarness.CLOCK);
    }

    private static TranslationRequest request(List<Segment> segments) {
        return new TranslationRequest("nb", "en", segments, Map.of(), Set.of());
    }

    private static String translations(int count) {
        return "{\"data\":{\"translations\":[" + IntStream.range(0, count)
                .mapToObj(i -> "{\"translatedText\":\"text " + i + "\"}").collect(Collectors.joining(",")) + "]}}";
    }

    private static String error(int code, String message, String reason) {
        return "{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\",\"errors\":[{\"message\":\"" + message
                + "\",\"domain\":\"usageLimits\",\"reason\":\"" + reason + "\"}],\"status\":\"PERMISSION_DENIED\"}}";
    }

    @Test
    void sendsKeyQueryLanguagesAndPlainTextFormat() throws Exception {
        harness.server.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(
                "{\"data\":{\"translations\":[{\"translatedText\":\"The weather is nice\"},{\"translatedText\":\"Oslo & Bergen\"}]}}")));

        TranslationResult result = translator(3).translate(request(List.of(
                new Segment("title", "Været er fint"), new Segment("b0", "Oslo & Bergen"))));

        assertThat(result.segments()).containsExactly(new Segment("title", "The weather is nice"), new Segment("b0", "Oslo & Bergen"));
        assertThat(result.usage().billedCharacters()).isEqualTo(26);
        LoggedRequest sent = harness.requests().get(0);
        assertThat(sent.queryParameter("key").firstValue()).isEqualTo(KEY);
        JsonNode body = EngineHarness.json(sent);
        assertThat(body.path("q").toString()).isEqualTo("[\"Været er fint\",\"Oslo & Bergen\"]");
        assertThat(body.path("source").asText()).isEqualTo("no");
        assertThat(body.path("target").asText()).isEqualTo("en");
        assertThat(body.path("format").asText()).isEqualTo("text");
    }

    @Test
    void usesHtmlFormatWhenPlaceholdersArePresentAndUnescapesTheReply() throws Exception {
        harness.server.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(
                "{\"data\":{\"translations\":[{\"translatedText\":\"Read <x id=\\\"1\\\"/>this&#39;s<x id=\\\"2\\\"/> &amp; more\"}]}}")));

        TranslationResult result = translator(3).translate(request(List.of(new Segment("b0", "Les <x id=\"1\"/>dette<x id=\"2\"/> & mer"))));

        JsonNode body = EngineHarness.json(harness.requests().get(0));
        assertThat(body.path("format").asText()).isEqualTo("html");
        assertThat(body.path("q").get(0).asText()).isEqualTo("Les <x id=\"1\"/>dette<x id=\"2\"/> &amp; mer");
        assertThat(result.segments().get(0).text()).isEqualTo("Read <x id=\"1\"/>this's<x id=\"2\"/> & more");
    }

    @Test
    void batchesAtMost128Segments() throws Exception {
        harness.server.stubFor(post(urlPathEqualTo(PATH)).inScenario("b").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(translations(128))).willSetStateTo("rest"));
        harness.server.stubFor(post(urlPathEqualTo(PATH)).inScenario("b").whenScenarioStateIs("rest")
                .willReturn(okJson(translations(2))));

        TranslationResult result = translator(3).translate(request(
                IntStream.range(0, 130).mapToObj(i -> new Segment("b" + i, "tekst")).toList()));

        assertThat(harness.requests()).extracting(r -> EngineHarness.json(r).path("q").size()).containsExactly(128, 2);
        assertThat(result.segments()).hasSize(130);
    }

    @Test
    void dailyLimitExceededIsQuotaNotAuthorisation() {
        harness.server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody(error(403, "Daily Limit Exceeded", "dailyLimitExceeded"))));

        assertThatThrownBy(() -> translator(3).translate(request(List.of(new Segment("b0", "Hei")))))
                .isInstanceOf(QuotaExceededException.class).hasMessageContaining("Daily Limit Exceeded");
        harness.server.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void userRateLimitExceededIsRetriedAsRateLimiting() {
        harness.server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody(error(403, "User Rate Limit Exceeded", "userRateLimitExceeded"))));

        assertThatThrownBy(() -> translator(3).translate(request(List.of(new Segment("b0", "Hei")))))
                .isInstanceOf(RateLimitedException.class);
        harness.server.verify(3, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void anInvalidKeyIsRejectedOnceWithoutQuotingIt() {
        harness.server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":400,\"message\":\"API key not valid: " + KEY + "\",\"errors\":[{\"reason\":\"badRequest\"}],"
                        + "\"status\":\"INVALID_ARGUMENT\"}}")));

        assertThatThrownBy(() -> translator(3).translate(request(List.of(new Segment("b0", "Hei")))))
                .isInstanceOf(EngineRejectedException.class)
                .hasMessageContaining("API key not valid").hasMessageNotContaining(KEY);
        harness.server.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }
}
