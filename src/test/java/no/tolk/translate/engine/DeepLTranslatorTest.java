package no.tolk.translate.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import no.tolk.translate.EngineRejectedException;
import no.tolk.translate.EngineUnavailableException;
import no.tolk.translate.Quota;
import no.tolk.translate.QuotaExceededException;
import no.tolk.translate.RateLimitedException;
import no.tolk.translate.Segment;
import no.tolk.translate.TranslationRequest;
import no.tolk.translate.TranslationResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeepLTranslatorTest {

    private static final String KEY = "0a1b2c3d-4e5f-6789-abcd-ef0123456789:fx";

    private EngineHarness harness;

    @BeforeEach
    void start() {
        harness = new EngineHarness();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private DeepLTranslator translator(String variant, int maxAttempts) {
        return new DeepLTranslator(harness.http("deepl"), KEY, variant, harness.retry(maxAttempts), EngineHarness.CLOCK);
    }

    private static TranslationRequest request(List<Segment> segments) {
        return new TranslationRequest("nb", "en", segments, Map.of(), Set.of());
    }

    private static List<Segment> segments(int count) {
        return IntStream.range(0, count).mapToObj(i -> new Segment("b" + i, "Avsnitt nummer " + i + ".")).toList();
    }

    private static String translations(String... texts) {
        StringBuilder json = new StringBuilder("{\"translations\":[");
        for (int i = 0; i < texts.length; i++) {
            if (i > 0) json.append(',');
            json.append("{\"detected_source_language\":\"NB\",\"text\":\"").append(texts[i])
                    .append("\",\"billed_characters\":").append(texts[i].length()).append('}');
        }
        return json.append("]}").toString();
    }

    @Test
    void sendsTheDocumentedRequestAndReadsTranslationsAndBilledCharacters() throws Exception {
        harness.server.stubFor(post(urlPathEqualTo("/v2/translate"))
                .willReturn(okJson("{\"translations\":[{\"detected_source_language\":\"NB\",\"text\":\"Rain in Bergen\",\"billed_characters\":14},"
                        + "{\"detected_source_language\":\"NB\",\"text\":\"It rains.\",\"billed_characters\":11}]}")
                        .withHeader("X-Trace-ID", "0123456789abcdef0123456789abcdef")));

        TranslationResult result = translator("EN-GB", 3).translate(request(List.of(
                new Segment("title", "Regn i Bergen"), new Segment("b0", "Det regner ø."))));

        assertThat(result.segments()).containsExactly(new Segment("title", "Rain in Bergen"), new Segment("b0", "It rains."));
        assertThat(result.usage().engine()).isEqualTo("deepl");
        assertThat(result.usage().billedCharacters()).isEqualTo(25);
        assertThat(result.usage().requests()).isEqualTo(1);
        LoggedRequest sent = harness.requests().get(0);
        assertThat(sent.getHeader("Authorization")).isEqualTo("DeepL-Auth-Key " + KEY);
        assertThat(sent.getHeader("Content-Type")).startsWith("application/json");
        assertThat(sent.getHeader("User-Agent")).isNotBlank();
        JsonNode body = EngineHarness.json(sent);
        assertThat(body.path("text").toString()).isEqualTo("[\"Regn i Bergen\",\"Det regner ø.\"]");
        assertThat(body.path("source_lang").asText()).isEqualTo("NB");
        assertThat(body.path("target_lang").asText()).isEqualTo("EN-GB");
        assertThat(body.path("show_billed_characters").asBoolean()).isTrue();
        assertThat(body.has("tag_handling")).as("no tags, no tag handling").isFalse();
        assertThat(body.has("glossary_id")).isFalse();
    }

    @Test
    void englishVariantIsConfigurableAndNorwegianCodesAllMapToNb() throws Exception {
        harness.server.stubFor(post(urlPathEqualTo("/v2/translate")).willReturn(okJson(translations("Hello"))));

        translator("EN-US", 3).translate(new TranslationRequest("no", "en", List.of(new Segment("b0", "Hei")), null, null));

        JsonNode body = EngineHarness.json(harness.requests().get(0));
        assertThat(body.path("source_lang").asText()).isEqualTo("NB");
        assertThat(body.path("target_lang").asText()).isEqualTo("EN-US");
        assertThat(LanguageCodes.deeplSource("nn")).isEqualTo("NB");
        assertThat(LanguageCodes.deeplTarget("nb", "EN-GB")).isEqualTo("NB");
    }

    @Test
    void billsSourceCodePointsWhenDeepLOmitsBilledCharacters() throws Exception {
        harness.server.stubFor(post(urlPathEqualTo("/v2/translate"))
                .willReturn(okJson("{\"translations\":[{\"detected_source_language\":\"NB\",\"text\":\"Blue\"}]}")));

        TranslationResult result = translator("EN-GB", 3).translate(request(List.of(new Segment("b0", "Blå 😀"))));

        assertThat(result.usage().billedCharacters()).isEqualTo(5);
    }

    @Test
    void splits120SegmentsIntoThreeRequestsOfAtMost50Texts() throws Exception {
        List<String> first50 = new ArrayList<>();
        IntStream.range(0, 50).forEach(i -> first50.add("t" + i));
        harness.server.stubFor(post(urlPathEqualTo("/v2/translate")).inScenario("batches")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson(translations(first50.toArray(String[]::new))))
                .willSetStateTo("second"));
        harness.server.stubFor(post(urlPathEqualTo("/v2/translate")).inScenario("batches")
                .whenScenarioStateIs("second").willReturn(okJson(translations(first50.toArray(String[]::new))))
                .willSetStateTo("third"));
        harness.server.stubFor(post(urlPathEqualTo("/v2/translate")).inScenario("batches")
                .whenScenarioStateIs("third").willReturn(okJson(translations(first50.subList(0, 20).toArray(String[]::new)))));

        TranslationResult result = translator("EN-GB", 3).translate(request(segments(120)));

        List<LoggedRequest> sent = harness.requests();
        assertThat(sent).hasSize(3);
        assertThat(sent.stream().map(r -> EngineHarness.json(r).path("text").size()).toList()).containsExactly(50, 50, 20);
        assertThat(EngineHarness.json(sent.get(2)).path("text").get(0).asText()).isEqualTo("Avsnitt nummer 100.");
        assertThat(result.segments()).hasSize(120);
        assertThat(result.segments().get(119).id()).isEqualTo("b119");
        assertThat(result.usage().requests()).isEqualTo(3);
    }

    @Test
    void splitsA200KibArticleIntoRequestsUnder128Kib() throws Exception {
        String paragraph = "Nordlys over Tromsø, sa han. ".repeat(350);
        List<Segment> article = IntStream.range(0, 20).mapToObj(i -> new Segment("b" + i, paragraph)).toList();
        assertThat(article.stream().mapToLong(s -> s.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).sum())
                .isGreaterThan(200 * 1024);
        List<Integer> sizes = SegmentBatches.split("deepl", article, 50, 127 * 1024).stream().map(List::size).toList();
        for (int i = 0; i < sizes.size(); i++) {
            String[] texts = IntStream.range(0, sizes.get(i)).mapToObj(n -> "Northern lights").toArray(String[]::new);
            harness.server.stubFor(post(urlPathEqualTo("/v2/translate")).inScenario("article")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "batch" + i)
                    .willReturn(okJson(translations(texts))).willSetStateTo("batch" + (i + 1)));
        }

        TranslationResult result = translator("EN-GB", 3).translate(request(article));

        List<LoggedRequest> sent = harness.requests();
        assertThat(sent).hasSizeGreaterThanOrEqualTo(2);
        assertThat(sent).allSatisfy(r -> assertThat(r.getBody().length).isLessThanOrEqualTo(128 * 1024));
        assertThat(sent.stream().mapToInt(r -> EngineHarness.json(r).path("text").size()).sum()).isEqualTo(20);
        assertThat(result.segments()).extracting(Segment::id).containsExactlyElementsOf(article.stream().map(Segment::id).toList());
    }

    @Test
    void placeholdersTravelAsXmlTagsAndComeBackIntact() throws Exception {
        harness.server.stubFor(post(urlPathEqualTo("/v2/translate")).willReturn(okJson(
                "{\"translations\":[{\"text\":\"Read <x id=\\\"1\\\"/>the report<x id=\\\"2\\\"/> from AT&amp;T &lt;now&gt;\",\"billed_characters\":30}]}")));

        TranslationResult result = translator("EN-GB", 3).translate(request(List.of(
                new Segment("b0", "Les <x id=\"1\"/>rapporten<x id=\"2\"/> fra AT&T <nå>"))));

        JsonNode body = EngineHarness.json(harness.requests().get(0));
        assertThat(body.path("tag_handling").asText()).isEqualTo("xml");
        assertThat(body.path("ignore_tags").toString()).isEqualTo("[\"x\"]");
        assertThat(body.path("text").get(0).asText())
                .isEqualTo("Les <x id=\"1\"/>rapporten<x id=\"2\"/> fra AT&amp;T &lt;nå&gt;");
        assertThat(result.segments().get(0).text()).isEqualTo("Read <x id=\"1\"/>the report<x id=\"2\"/> from AT&T <now>");
    }

    @Test
    void waitsWhatRetryAfterSaysOn429AndThenSucceeds() throws Exception {
        harness.server.stubFor(post(urlPathEqualTo("/v2/translate")).inScenario("busy")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2"))
                .willSetStateTo("calm"));
        harness.server.stubFor(post(urlPathEqualTo("/v2/translate")).inScenario("busy")
                .whenScenarioStateIs("calm").willReturn(okJson(translations("Hello"))));

        TranslationResult result = translator("EN-GB", 3).translate(request(List.of(new Segment("b0", "Hei"))));

        assertThat(result.segments().get(0).text()).isEqualTo("Hello");
        assertThat(result.usage().requests()).isEqualTo(2);
        assertThat(harness.sleeps).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void keeps529RateLimitingUntilAttemptsRunOut() {
        harness.server.stubFor(post(urlPathEqualTo("/v2/translate")).willReturn(aResponse().withStatus(529)));

        assertThatThrownBy(() -> translator("EN-GB", 3).translate(request(segments(1))))
                .isInstanceOf(RateLimitedException.class)
                .hasMessageContaining("HTTP 529").hasMessageContaining("3 attempts");
        harness.server.verify(3, postRequestedFor(urlPathEqualTo("/v2/translate")));
        assertThat(harness.sleeps).hasSize(2);
    }

    @Test
    void quotaExhausted456IsNotRetried() {
        harness.server.stubFor(post(urlPathEqualTo("/v2/translate")).willReturn(aResponse().withStatus(456)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Quota for this billing period has been exceeded.\"}")));

        assertThatThrownBy(() -> translator("EN-GB", 5).translate(request(segments(3))))
                .isInstanceOf(QuotaExceededException.class)
                .hasMessageContaining("Quota for this billing period has been exceeded");
        harness.server.verify(1, postRequestedFor(urlPathEqualTo("/v2/translate")));
        assertThat(harness.sleeps).isEmpty();
    }

    @Test
    void forbidden403IsRejectedAfterExactlyOneRequestWithoutQuotingTheKey() {
        harness.server.stubFor(post(urlPathEqualTo("/v2/translate")).willReturn(aResponse().withStatus(403)));

        assertThatThrownBy(() -> translator("EN-GB", 5).translate(request(segments(3))))
                .isInstanceOf(EngineRejectedException.class)
                .hasMessageContaining("403")
                .hasMessageNotContaining(KEY).hasMessageNotContaining("0a1b2c3d");
        harness.server.verify(1, postRequestedFor(urlPathEqualTo("/v2/translate")));
    }

    @Test
    void serverErrorsAreRetriedUpToMaxAttemptsWithGrowingBackoff() {
        harness.server.stubFor(post(urlPathEqualTo("/v2/translate")).willReturn(aResponse().withStatus(500)
                .withBody("{\"message\":\"Internal error\"}")));

        assertThatThrownBy(() -> translator("EN-GB", 4).translate(request(segments(3))))
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessageContaining("HTTP 500").hasMessageContaining("gave up after 4 attempts");
        harness.server.verify(4, postRequestedFor(urlPathEqualTo("/v2/translate")));
        assertThat(harness.sleeps).hasSize(3);
        assertThat(harness.sleeps.get(0)).isBetween(Duration.ofMillis(800), Duration.ofMillis(1200));
        assertThat(harness.sleeps.get(2)).isBetween(Duration.ofMillis(3200), Duration.ofMillis(4800));
    }

    @Test
    void aServiceSlowerThanTheRequestTimeoutIsUnavailable() {
        harness.server.stubFor(post(urlPathEqualTo("/v2/translate")).willReturn(okJson(translations("Hello")).withFixedDelay(3000)));
        DeepLTranslator slow = new DeepLTranslator(harness.http("deepl", Duration.ofMillis(300)), KEY, "EN-GB",
                harness.retry(1), EngineHarness.CLOCK);

        long started = System.nanoTime();
        assertThatThrownBy(() -> slow.translate(request(segments(1))))
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessageContaining("timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void createsAGlossaryOnceAndSendsItsIdWithEveryRequest() throws Exception {
        harness.server.stubFor(get(urlPathEqualTo("/v3/glossaries")).willReturn(okJson("{\"glossaries\":[]}")));
        harness.server.stubFor(post(urlPathEqualTo("/v3/glossaries")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"glossary_id\":\"def3a26b-3e84-45b3-84ae-0c0aaf3525f7\",\"name\":\"tolk\",\"ready\":true,"
                        + "\"dictionaries\":[{\"source_lang\":\"nb\",\"target_lang\":\"en\",\"entry_count\":2}],"
                        + "\"creation_time\":\"2026-03-02T10:00:00.000Z\"}")));
        harness.server.stubFor(post(urlPathEqualTo("/v2/translate")).willReturn(okJson(translations("The Storting met"))));
        DeepLTranslator translator = translator("EN-GB", 3);
        TranslationRequest request = new TranslationRequest("nb", "en", List.of(new Segment("b0", "Stortinget møttes")),
                Map.of("Stortinget", "the Storting"), Set.of("NRK"));

        TranslationResult first = translator.translate(request);
        translator.translate(request);

        harness.server.verify(1, getRequestedFor(urlPathEqualTo("/v3/glossaries")));
        harness.server.verify(1, postRequestedFor(urlPathEqualTo("/v3/glossaries")));
        harness.server.verify(2, postRequestedFor(urlPathEqualTo("/v2/translate")));
        assertThat(first.usage().requests()).isEqualTo(3);
        LoggedRequest created = harness.server.findAll(postRequestedFor(urlPathEqualTo("/v3/glossaries"))).get(0);
        JsonNode dictionary = EngineHarness.json(created).path("dictionaries").get(0);
        assertThat(dictionary.path("source_lang").asText()).isEqualTo("nb");
        assertThat(dictionary.path("target_lang").asText()).isEqualTo("en");
        assertThat(dictionary.path("entries_format").asText()).isEqualTo("tsv");
        assertThat(dictionary.path("entries").asText()).isEqualTo("NRK\tNRK\nStortinget\tthe Storting\n");
        assertThat(created.getHeader("Authorization")).isEqualTo("DeepL-Auth-Key " + KEY);
        harness.server.findAll(postRequestedFor(urlPathEqualTo("/v2/translate"))).forEach(sent -> {
            JsonNode body = EngineHarness.json(sent);
            assertThat(body.path("glossary_id").asText()).isEqualTo("def3a26b-3e84-45b3-84ae-0c0aaf3525f7");
            assertThat(body.path("source_lang").asText()).as("DeepL requires source_lang with a glossary").isEqualTo("NB");
        });
    }

    @Test
    void reusesAGlossaryTheAccountAlreadyHas() throws Exception {
        DeepLTranslator translator = translator("EN-GB", 3);
        TranslationRequest request = new TranslationRequest("nb", "en", List.of(new Segment("b0", "Stortinget")),
                Map.of("Stortinget", "the Storting"), Set.of());
        harness.server.stubFor(get(urlPathEqualTo("/v3/glossaries")).willReturn(okJson("{\"glossaries\":[]}")));
        harness.server.stubFor(post(urlPathEqualTo("/v3/glossaries")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"glossary_id\":\"first\"}")));
        harness.server.stubFor(post(urlPathEqualTo("/v2/translate")).willReturn(okJson(translations("The Storting"))));
        translator.translate(request);
        String name = EngineHarness.json(harness.server.findAll(postRequestedFor(urlPathEqualTo("/v3/glossaries"))).get(0))
                .path("name").asText();
        harness.server.resetRequests();
        harness.server.stubFor(get(urlPathEqualTo("/v3/glossaries")).willReturn(okJson(
                "{\"glossaries\":[{\"glossary_id\":\"existing-id\",\"name\":\"" + name + "\",\"ready\":true}]}")));

        DeepLTranslator restarted = translator("EN-GB", 3);
        restarted.translate(request);

        harness.server.verify(0, postRequestedFor(urlPathEqualTo("/v3/glossaries")));
        assertThat(EngineHarness.json(harness.server.findAll(postRequestedFor(urlPathEqualTo("/v2/translate"))).get(0))
                .path("glossary_id").asText()).isEqualTo("existing-id");
    }

    @Test
    void reportsQuotaFromUsage() throws Exception {
        harness.server.stubFor(get(urlPathEqualTo("/v2/usage"))
                .willReturn(okJson("{\"character_count\":180118,\"character_limit\":500000}")));

        Quota quota = translator("EN-GB", 3).quota().orElseThrow();

        assertThat(quota.used()).isEqualTo(180118);
        assertThat(quota.remaining()).isEqualTo(500000 - 180118);
        harness.server.verify(getRequestedFor(urlPathEqualTo("/v2/usage")).withHeader("Authorization",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("DeepL-Auth-Key " + KEY)));
    }

    @Test
    void freeKeysUseTheFreeHost() {
        assertThat(DeepLTranslator.defaultUrl("abc:fx")).isEqualTo("https://api-free.deepl.com");
        assertThat(DeepLTranslator.defaultUrl("abc")).isEqualTo("https://api.deepl.com");
    }
}
