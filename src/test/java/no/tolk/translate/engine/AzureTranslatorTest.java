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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import no.tolk.translate.EngineRejectedException;
import no.tolk.translate.EngineUnavailableException;
import no.tolk.translate.QuotaExceededException;
import no.tolk.translate.Segment;
import no.tolk.translate.TranslationRequest;
import no.tolk.translate.TranslationResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AzureTranslatorTest {

    private static final String KEY = "azure-secret-key-0123456789abcdef";

    private EngineHarness harness;

    @BeforeEach
    void start() {
        harness = new EngineHarness();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private AzureTranslator translator(int maxAttempts) {
        return new AzureTranslator(harness.http("azure"), KEY, "norwayeast", harness.retry(maxAttempts), EngineHarness.CLOCK);
    }

    private static TranslationRequest request(List<Segment> segments) {
        return new TranslationRequest("nb", "en", segments, Map.of(), Set.of());
    }

    private static String error(int code, String message) {
        return "{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\"}}";
    }

    @Test
    void sendsKeyRegionLanguagesAndTextArrayAndReadsMeteredUsage() throws Exception {
        harness.server.stubFor(post(urlPathEqualTo("/translate")).willReturn(okJson(
                "[{\"translations\":[{\"text\":\"Hello\",\"to\":\"en\"}]},{\"translations\":[{\"text\":\"Good morning\",\"to\":\"en\"}]}]")
                .withHeader("X-Metered-Usage", "13").withHeader("X-RequestId", "abc")));

        TranslationResult result = translator(3).translate(request(List.of(new Segment("b0", "Hei"), new Segment("b1", "God morgen"))));

        assertThat(result.segments()).containsExactly(new Segment("b0", "Hello"), new Segment("b1", "Good morning"));
        assertThat(result.usage().billedCharacters()).isEqualTo(13);
        LoggedRequest sent = harness.requests().get(0);
        assertThat(sent.getHeader("Ocp-Apim-Subscription-Key")).isEqualTo(KEY);
        assertThat(sent.getHeader("Ocp-Apim-Subscription-Region")).isEqualTo("norwayeast");
        assertThat(sent.getHeader("Content-Type")).isEqualTo("application/json; charset=UTF-8");
        assertThat(sent.queryParameter("api-version").firstValue()).isEqualTo("3.0");
        assertThat(sent.queryParameter("from").firstValue()).isEqualTo("nb");
        assertThat(sent.queryParameter("to").firstValue()).isEqualTo("en");
        assertThat(sent.queryParameter("textType").firstValue()).isEqualTo("plain");
        assertThat(EngineHarness.json(sent).toString()).isEqualTo("[{\"Text\":\"Hei\"},{\"Text\":\"God morgen\"}]");
    }

    @Test
    void placeholdersGoAsHtmlAndBillingFallsBackToSourceCharacters() throws Exception {
        harness.server.stubFor(post(urlPathEqualTo("/translate")).willReturn(okJson(
                "[{\"translations\":[{\"text\":\"See <x id=\\\"1\\\"/>here<x id=\\\"2\\\"/>\",\"to\":\"en\"}]}]")));

        TranslationResult result = translator(3).translate(request(List.of(new Segment("b0", "Se <x id=\"1\"/>her<x id=\"2\"/>"))));

        assertThat(harness.requests().get(0).queryParameter("textType").firstValue()).isEqualTo("html");
        assertThat(result.segments().get(0).text()).isEqualTo("See <x id=\"1\"/>here<x id=\"2\"/>");
        assertThat(result.usage().billedCharacters()).isEqualTo("Se <x id=\"1\"/>her<x id=\"2\"/>".length());
    }

    @Test
    void splitsByTheFiftyThousandCharacterLimit() throws Exception {
        String paragraph = "a".repeat(9_000);
        harness.server.stubFor(post(urlPathEqualTo("/translate")).inScenario("b").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("[" + String.join(",", java.util.Collections.nCopies(5, "{\"translations\":[{\"text\":\"x\"}]}")) + "]"))
                .willSetStateTo("rest"));
        harness.server.stubFor(post(urlPathEqualTo("/translate")).inScenario("b").whenScenarioStateIs("rest")
                .willReturn(okJson("[" + String.join(",", java.util.Collections.nCopies(3, "{\"translations\":[{\"text\":\"x\"}]}")) + "]")));

        TranslationResult result = translator(3).translate(request(
                IntStream.range(0, 8).mapToObj(i -> new Segment("b" + i, paragraph)).toList()));

        assertThat(harness.requests()).extracting(r -> EngineHarness.json(r).size()).containsExactly(5, 3);
        assertThat(result.segments()).hasSize(8);
    }

    @Test
    void rateLimit429IsRetriedThenSucceeds() throws Exception {
        harness.server.stubFor(post(urlPathEqualTo("/translate")).inScenario("r").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withBody(error(429001, "The server rejected the request because the client has exceeded request limits.")))
                .willSetStateTo("ok"));
        harness.server.stubFor(post(urlPathEqualTo("/translate")).inScenario("r").whenScenarioStateIs("ok")
                .willReturn(okJson("[{\"translations\":[{\"text\":\"Hello\",\"to\":\"en\"}]}]")));

        TranslationResult result = translator(3).translate(request(List.of(new Segment("b0", "Hei"))));

        assertThat(result.segments().get(0).text()).isEqualTo("Hello");
        assertThat(result.usage().requests()).isEqualTo(2);
        assertThat(harness.sleeps).hasSize(1);
        assertThat(harness.sleeps.get(0)).isBetween(Duration.ofMillis(800), Duration.ofMillis(1200));
    }

    @Test
    void freeQuotaExhausted403001IsQuota() {
        harness.server.stubFor(post(urlPathEqualTo("/translate")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody(error(403001, "The operation isn't allowed because the subscription has exceeded its free quota."))));

        assertThatThrownBy(() -> translator(3).translate(request(List.of(new Segment("b0", "Hei")))))
                .isInstanceOf(QuotaExceededException.class).hasMessageContaining("403001");
        harness.server.verify(1, postRequestedFor(urlPathEqualTo("/translate")));
    }

    @Test
    void badCredentialsAreRejectedOnce() {
        harness.server.stubFor(post(urlPathEqualTo("/translate")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(error(401000, "The request isn't authorized because credentials are missing or invalid."))));

        assertThatThrownBy(() -> translator(3).translate(request(List.of(new Segment("b0", "Hei")))))
                .isInstanceOf(EngineRejectedException.class).hasMessageContaining("401000").hasMessageNotContaining(KEY);
        harness.server.verify(1, postRequestedFor(urlPathEqualTo("/translate")));
    }

    @Test
    void serviceUnavailableIsRetriedUpToMaxAttempts() {
        harness.server.stubFor(post(urlPathEqualTo("/translate")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withBody(error(503000, "The service is temporarily unavailable."))));

        assertThatThrownBy(() -> translator(3).translate(request(List.of(new Segment("b0", "Hei")))))
                .isInstanceOf(EngineUnavailableException.class).hasMessageContaining("3 attempts");
        harness.server.verify(3, postRequestedFor(urlPathEqualTo("/translate")));
    }

    @Test
    void aReplyWithTheWrongNumberOfResultsIsUnavailable() {
        harness.server.stubFor(post(urlPathEqualTo("/translate")).willReturn(okJson("[{\"translations\":[{\"text\":\"Hello\"}]}]")));

        assertThatThrownBy(() -> translator(3).translate(request(List.of(new Segment("b0", "Hei"), new Segment("b1", "Hallo")))))
                .isInstanceOf(EngineUnavailableException.class).hasMessageContaining("1 translations for 2 texts");
    }
}
