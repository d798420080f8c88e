package no.tolk.translate.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.tolk.translate.EngineRejectedException;
import no.tolk.translate.EngineUnavailableException;
import no.tolk.translate.QuotaExceededException;
import no.tolk.translate.Segment;
import no.tolk.translate.TranslationRequest;
import no.tolk.translate.TranslationResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiTranslatorTest {

    private static final String KEY = "sk-test-0123456789abcdef";
    private static final String PATH = "/v1/chat/completions";
    private static final List<Segment> SEGMENTS = List.of(
            new Segment("title", "Stortinget vedtok budsjettet"),
            new Segment("b0", "Les <x id=\"1\"/>hele saken<x id=\"2\"/> hos NRK."));

    private EngineHarness harness;

    @BeforeEach
    void start() {
        harness = new EngineHarness();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private OpenAiTranslator translator(String key, OpenAiOptions options) {
        return new OpenAiTranslator(harness.http("openai"), key, options, harness.retry(3), EngineHarness.CLOCK);
    }

    private OpenAiTranslator translator() {
        return translator(KEY, new OpenAiOptions(PATH, "gpt-4o-mini", "json_schema", "bearer", 40, 12 * 1024));
    }

    private static TranslationRequest request() {
        return new TranslationRequest("nb", "en", SEGMENTS, Map.of("Stortinget", "the Storting"), Set.of("NRK"));
    }

    /** A chat completion whose assistant message content is the given text, as OpenAI, Ollama and vLLM send it. */
    private static String completion(String content, String finishReason) {
        ObjectNode reply = EngineJson.object().put("id", "chatcmpl-1").put("object", "chat.completion").put("model", "gpt-4o-mini");
        ObjectNode choice = reply.putArray("choices").addObject().put("index", 0).put("finish_reason", finishReason);
        choice.putObject("message").put("role", "assistant").put("content", content);
        reply.putObject("usage").put("prompt_tokens", 120).put("completion_tokens", 40).put("total_tokens", 160);
        return EngineJson.write(reply);
    }

    private static final String GOOD = "{\"translations\":[{\"id\":\"title\",\"text\":\"The Storting adopted the budget\"},"
            + "{\"id\":\"b0\",\"text\":\"Read <x id=\\\"1\\\"/>the whole story<x id=\\\"2\\\"/> at NRK.\"}]}";

    @Test
    void sendsSegmentsAsJsonWithASchemaAndAPromptCarryingGlossaryAndProtectedTerms() throws Exception {
        harness.server.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(completion(GOOD, "stop"))));

        TranslationResult result = translator().translate(request());

        assertThat(result.segments()).containsExactly(
                new Segment("title", "The Storting adopted the budget"),
                new Segment("b0", "Read <x id=\"1\"/>the whole story<x id=\"2\"/> at NRK."));
        assertThat(result.usage().engine()).isEqualTo("openai");
        assertThat(result.usage().model()).isEqualTo("gpt-4o-mini");
        assertThat(result.usage().billedCharacters()).isEqualTo(request().characters());
        assertThat(result.usage().requests()).isEqualTo(1);
        LoggedRequest sent = harness.requests().get(0);
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
        JsonNode body = EngineHarness.json(sent);
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(body.path("temperature").asInt()).isZero();
        assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_schema");
        JsonNode schema = body.path("response_format").path("json_schema").path("schema");
        assertThat(schema.path("properties").path("translations").path("items").path("required").toString()).isEqualTo("[\"id\",\"text\"]");
        String system = body.path("messages").get(0).path("content").asText();
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(system).contains("Norwegian Bokmål").contains("English")
                .contains("Stortinget => the Storting").contains("untranslated").contains("NRK")
                .contains("<x id=\"1\"/>");
        JsonNode user = EngineJson.mapper().readTree(body.path("messages").get(1).path("content").asText());
        assertThat(user.toString()).isEqualTo("[{\"id\":\"title\",\"text\":\"Stortinget vedtok budsjettet\"},"
                + "{\"id\":\"b0\",\"text\":\"Les <x id=\\\"1\\\"/>hele saken<x id=\\\"2\\\"/> hos NRK.\"}]");
    }

    @Test
    void malformedJsonIsAskedForOnceMore() throws Exception {
        harness.server.stubFor(post(urlPathEqualTo(PATH)).inScenario("m").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(completion("{\"translations\":[{\"id\":\"title\",\"text\":\"The Storting", "stop")))
                .willSetStateTo("fixed"));
        harness.server.stubFor(post(urlPathEqualTo(PATH)).inScenario("m").whenScenarioStateIs("fixed")
                .willReturn(okJson(completion(GOOD, "stop"))));

        TranslationResult result = translator().translate(request());

        assertThat(result.segments()).hasSize(2);
        assertThat(result.usage().requests()).isEqualTo(2);
    }

    @Test
    void aWrongNumberOfTranslationsTwiceFailsNamingTheMissingId() {
        harness.server.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(completion(
                "{\"translations\":[{\"id\":\"title\",\"text\":\"The Storting adopted the budget\"}]}", "stop"))));

        assertThatThrownBy(() -> translator().translate(request()))
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessageContaining("unusable reply 2 times")
                .hasMessageContaining("1 translations for 2 segments")
                .hasMessageContaining("missing ids [b0]");
        harness.server.verify(2, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void unexpectedAndDuplicateIdsAreRefused() {
        harness.server.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(completion(
                "{\"translations\":[{\"id\":\"title\",\"text\":\"A\"},{\"id\":\"title\",\"text\":\"B\"},{\"id\":\"b0\",\"text\":\"C\"},"
                        + "{\"id\":\"b7\",\"text\":\"D\"}]}", "stop"))));

        assertThatThrownBy(() -> translator().translate(request()))
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessageContaining("unexpected ids [b7]").hasMessageContaining("duplicate ids [title]");
    }

    @Test
    void aReplyCutOffAtTheTokenLimitIsNotAccepted() {
        harness.server.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(completion(GOOD, "length"))));

        assertThatThrownBy(() -> translator().translate(request()))
                .isInstanceOf(EngineUnavailableException.class).hasMessageContaining("finish_reason=length");
    }

    @Test
    void jsonObjectModeApiKeyHeaderAndAPathWithItsOwnQueryForAzureOpenAi() throws Exception {
        String path = "/openai/deployments/translator/chat/completions?api-version=2024-10-21";
        harness.server.stubFor(post(urlPathEqualTo("/openai/deployments/translator/chat/completions"))
                .willReturn(okJson(completion("```json\n" + GOOD + "\n```", "stop"))));

        TranslationResult result = translator(KEY, new OpenAiOptions(path, "gpt-4o", "json_object", "api-key", 40, 12 * 1024))
                .translate(request());

        assertThat(result.segments()).hasSize(2);
        LoggedRequest sent = harness.requests().get(0);
        assertThat(sent.queryParameter("api-version").firstValue()).isEqualTo("2024-10-21");
        assertThat(sent.getHeader("api-key")).isEqualTo(KEY);
        assertThat(sent.containsHeader("Authorization")).isFalse();
        assertThat(EngineHarness.json(sent).path("response_format").toString()).isEqualTo("{\"type\":\"json_object\"}");
    }

    @Test
    void withoutAKeyNoAuthorizationIsSentAsOllamaNeedsNone() throws Exception {
        harness.server.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(completion(GOOD, "stop"))));

        translator(null, new OpenAiOptions(PATH, "llama3.1", "json_object", "bearer", 40, 12 * 1024)).translate(request());

        assertThat(harness.requests().get(0).containsHeader("Authorization")).isFalse();
    }

    @Test
    void rateLimitWithRetryAfterIsWaitedOut() throws Exception {
        harness.server.stubFor(post(urlPathEqualTo(PATH)).inScenario("r").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("retry-after", "1")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Rate limit reached for requests\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}"))
                .willSetStateTo("ok"));
        harness.server.stubFor(post(urlPathEqualTo(PATH)).inScenario("r").whenScenarioStateIs("ok")
                .willReturn(okJson(completion(GOOD, "stop"))));

        TranslationResult result = translator().translate(request());

        assertThat(result.usage().requests()).isEqualTo(2);
        assertThat(harness.sleeps).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void insufficientQuotaIsQuotaNotRateLimiting() {
        harness.server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"You exceeded your current quota\",\"type\":\"insufficient_quota\",\"code\":\"insufficient_quota\"}}")));

        assertThatThrownBy(() -> translator().translate(request())).isInstanceOf(QuotaExceededException.class);
        harness.server.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void anUnknownModelIsRejected() {
        harness.server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"model \\\"llama9\\\" not found, try pulling it first\",\"type\":\"not_found_error\"}}")));

        assertThatThrownBy(() -> translator().translate(request()))
                .isInstanceOf(EngineRejectedException.class).hasMessageContaining("not found");
        harness.server.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }
}
