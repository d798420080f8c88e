package no.tolk.translate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.tolk.article.Article;
import no.tolk.article.ArticleJson;
import no.tolk.article.ArticleState;
import no.tolk.article.Block;
import no.tolk.translate.StageHarness.Articles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranslationStageTest {

    @TempDir
    Path home;
    StageHarness harness;

    @BeforeEach
    void start() {
        harness = new StageHarness(home);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void translatesWithGlossaryProtectedNamesAndEnglishTypography() throws Exception {
        harness.deeplTranslates();
        Article article = harness.extracted(Articles.article());

        int moved = harness.stage("deepl").runPending();

        assertThat(moved).isEqualTo(1);
        Translation translation = harness.translations.find(article.id(), 1, "en").orElseThrow();
        assertThat(translation.qa()).noneMatch(QaFinding::isError);
        assertThat(harness.state(article.id())).isEqualTo(ArticleState.TRANSLATED);
        Article english = translation.article();
        assertThat(english.language()).isEqualTo("en");
        assertThat(english.title()).isEqualTo("New cluster agreement secures growth in Innlandet");
        assertThat(english.blocks()).extracting(Block::text).containsExactly(
                "The agreement was signed in Hamar on 3 March 2025 after almost a year of negotiations.",
                "Innovasjon Norge supports the business cluster with 2.5 million kroner this year.",
                "“Competitiveness cannot be bought, it must be built together,” she says.",
                "Ingrid Berg and Ola Dahl signed the agreement.",
                "Read more about the cluster programme at https://www.example.no/klynger.");
        assertThat(translation.qa()).noneMatch(QaFinding::isError);
        assertThat(translation.engine()).isEqualTo("deepl");

        JsonNode body = ArticleJson.mapper().readTree(harness.translateRequests().get(0).getBodyAsString());
        assertThat(body.path("target_lang").asText()).isEqualTo("EN-GB");
        assertThat(body.path("tag_handling").asText()).isEqualTo("xml");
        assertThat(body.path("glossary_id").asText()).isEqualTo("def3a26b-3e84-45b3-84ae-0c0aaf3525f7");
        assertThat(body.path("text").get(3).asText()).isEqualTo("<x id=\"1\"/> støtter næringsklyngen med 2,5 millioner kroner i år.");
        assertThat(body.path("text").get(5).asText()).isEqualTo("<x id=\"1\"/> og <x id=\"2\"/> signerte avtalen.");
        assertThat(harness.translateRequests().get(0).getHeader("Authorization")).isEqualTo("DeepL-Auth-Key " + StageHarness.KEY);
        String glossary = harness.server.getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> r.getMethod().getName().equals("POST") && r.getUrl().startsWith("/v3/glossaries"))
                .findFirst().orElseThrow().getBodyAsString();
        assertThat(glossary).contains("næringsklynge\\tbusiness cluster").contains("klynge\\tcluster");
    }

    @Test
    void anArticleInAnotherLanguageOrAnUndeterminedOneIsHeldForAPersonWithAPlainReason() {
        harness.deeplTranslates();
        Article norwegian = Articles.article();
        Article undetermined = harness.extracted(norwegian.withLanguage("und"));
        Article danish = harness.extracted(Articles.other().withLanguage("da"));

        harness.stage("deepl").runPending();

        assertThat(harness.state(undetermined.id())).isEqualTo(ArticleState.SKIPPED);
        assertThat(harness.lastError(undetermined.id())).isEqualTo("held for a person, not translated: its language could not"
                + " be told, or it is none of Norwegian, English, Danish and Swedish; Tolk translates Norwegian (Bokmål or Nynorsk) articles");
        assertThat(harness.state(danish.id())).isEqualTo(ArticleState.SKIPPED);
        assertThat(harness.lastError(danish.id())).startsWith("held for a person, not translated: it is in Danish;");
        assertThat(harness.translateRequests()).isEmpty();
    }

    @Test
    void translationMemoryMakesARepeatFreeAndSharedBoilerplatePaidOnce() {
        harness.deeplTranslates();
        TranslationStage stage = harness.stage("deepl");
        Article first = harness.extracted(Articles.article());
        stage.runPending();
        long billedFirst = harness.billedToday();
        assertThat(billedFirst).isEqualTo(Articles.article().fullText().replace("\n", "").length()
                - "Innovasjon Norge".length() - "Ingrid Berg".length() - "Ola Dahl".length() - "https://www.example.no/klynger".length()
                + 4 * "<x id=\"1\"/>".length());

        // the identical text again (same title: stored as revision 2 of the same article)
        Article again = harness.extracted(Articles.article());
        assertThat(again.id()).isEqualTo(first.id());
        stage.runPending();

        Translation repeat = harness.translations.find(first.id(), 2, "en").orElseThrow();
        assertThat(repeat.usage().billedCharacters()).isZero();
        assertThat(repeat.engine()).isEqualTo(TranslationStage.MEMORY);
        assertThat(harness.billedToday()).isEqualTo(billedFirst);
        assertThat(harness.translateRequests()).hasSize(1);

        Article other = harness.extracted(Articles.other());
        stage.runPending();
        assertThat(harness.state(other.id())).isEqualTo(ArticleState.TRANSLATED);
        JsonNode texts = json(harness.translateRequests().get(1).getBodyAsString()).path("text");
        assertThat(texts).extracting(JsonNode::asText).containsExactly(
                "Energiselskapet bygger nytt kraftverk", "Kraftverket skal stå ferdig om tre år og gi strøm til hele regionen.");
        assertThat(harness.translations.find(other.id(), 1, "en").orElseThrow().article().blocks().get(0).text())
                .isEqualTo("Read more about the cluster programme at https://www.example.no/klynger.");
        // 7 segments looked up twice (7 hits the second time), then 3 segments with 1 hit
        assertThat(harness.translations.memoryHitRate()).isEqualTo(8.0 / 17);
    }

    @Test
    void aRevisedArticleBillsOnlyTheChangedParagraph() {
        harness.deeplTranslates();
        TranslationStage stage = harness.stage("deepl");
        Article first = harness.extracted(Articles.article());
        stage.runPending();
        long billedFirst = harness.billedToday();

        Article revised = harness.revised(Articles.revision(), "source-1");
        assertThat(revised.revision()).isEqualTo(2);
        stage.runPending();

        assertThat(harness.translateRequests()).hasSize(2);
        assertThat(json(harness.translateRequests().get(1).getBodyAsString()).path("text"))
                .extracting(JsonNode::asText).containsExactly(Articles.CHANGED);
        assertThat(harness.billedToday() - billedFirst).isEqualTo(Articles.CHANGED.length());
        Translation translation = harness.translations.find(first.id(), 2, "en").orElseThrow();
        assertThat(translation.usage().billedCharacters()).isEqualTo(Articles.CHANGED.length());
        assertThat(translation.article().blocks().get(0).text()).contains("4 March 2025");
        assertThat(translation.article().blocks().get(1).text()).startsWith("Innovasjon Norge supports");
        assertThat(harness.translations.usageOf(first.id())).singleElement()
                .satisfies(usage -> assertThat(usage.billedCharacters()).isEqualTo(harness.billedToday()));
    }

    @Test
    void rateLimitedKeepsTheArticleExtractedUntilTheNextPollSucceeds() {
        harness.server.stubFor(post(urlPathEqualTo("/v2/translate")).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")).willSetStateTo("calm"));
        harness.server.stubFor(post(urlPathEqualTo("/v2/translate")).inScenario("busy").whenScenarioStateIs("calm")
                .willReturn(aResponse().withTransformers(FakeDeepL.NAME)));
        Article article = harness.extracted(Articles.article());
        TranslationStage stage = harness.stage("deepl");

        assertThat(stage.runPending()).isZero();
        assertThat(harness.state(article.id())).isEqualTo(ArticleState.EXTRACTED);
        assertThat(harness.lastError(article.id())).contains("deepl").contains("429").contains("next poll");
        assertThat(harness.translations.find(article.id(), 1, "en")).isEmpty();

        assertThat(stage.runPending()).isEqualTo(1);
        assertThat(harness.state(article.id())).isEqualTo(ArticleState.TRANSLATED);
        assertThat(harness.lastError(article.id())).isNull();
    }

    @Test
    void engineRetries429WithinOnePollWhenAttemptsAllow() {
        harness.server.stubFor(post(urlPathEqualTo("/v2/translate")).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")).willSetStateTo("calm"));
        harness.server.stubFor(post(urlPathEqualTo("/v2/translate")).inScenario("busy").whenScenarioStateIs("calm")
                .willReturn(aResponse().withTransformers(FakeDeepL.NAME)));
        Article article = harness.extracted(Articles.article());

        harness.stage("deepl", Map.of("tolk.translate.retry.max-attempts", "3")).runPending();

        assertThat(harness.state(article.id())).isEqualTo(ArticleState.TRANSLATED);
        assertThat(harness.sleeps).containsExactly(Duration.ofSeconds(2));
        assertThat(harness.translations.find(article.id(), 1, "en").orElseThrow().usage().requests()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void quotaExhaustedParksTheArticleAndResumesWhenTheQuotaIsBack() {
        harness.server.stubFor(post(urlPathEqualTo("/v2/translate")).inScenario("quota").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(456).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"Quota for this billing period has been exceeded.\"}")));
        Article article = harness.extracted(Articles.article());
        TranslationStage stage = harness.stage("deepl");

        assertThat(stage.runPending()).isEqualTo(1);
        assertThat(harness.state(article.id())).isEqualTo(ArticleState.WAITING_FOR_QUOTA);
        assertThat(harness.lastError(article.id())).contains("Quota for this billing period");
        assertThat(harness.translations.retryAt(article.id())).contains(harness.clock.instant().plus(Duration.ofHours(1)));

        harness.server.stubFor(post(urlPathEqualTo("/v2/translate")).inScenario("quota").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withTransformers(FakeDeepL.NAME)));
        harness.server.setScenarioState("quota", "recovered");
        harness.clock.advance(Duration.ofMinutes(30));
        assertThat(stage.runPending()).isZero();
        harness.server.verify(1, postRequestedFor(urlPathEqualTo("/v2/translate")));

        harness.clock.advance(Duration.ofMinutes(31));
        assertThat(stage.runPending()).isEqualTo(1);
        assertThat(harness.state(article.id())).isEqualTo(ArticleState.TRANSLATED);
        assertThat(harness.translations.retryAt(article.id())).isEmpty();
    }

    @Test
    void monthlyBudgetReachedFallsBackToHumanTranslation() throws Exception {
        harness.deeplTranslates();
        Article article = harness.extracted(Articles.article());

        harness.stage("deepl,xliff", Map.of("tolk.translate.deepl.monthly-budget", "100")).runPending();

        assertThat(harness.state(article.id())).isEqualTo(ArticleState.AWAITING_TRANSLATION);
        harness.server.verify(0, postRequestedFor(urlPathEqualTo("/v2/translate")));
        try (Stream<Path> files = Files.list(home.resolve("translations/outbox"))) {
            assertThat(files).singleElement().satisfies(file -> assertThat(file.getFileName().toString())
                    .isEqualTo(article.id() + "-r1-nb-en.xlf"));
        }
    }

    @Test
    void forbiddenIsReportedOnceAndFailsTheArticleWithoutARetryStorm() {
        harness.server.stubFor(post(urlPathEqualTo("/v2/translate")).willReturn(aResponse().withStatus(403)
                .withBody("{\"message\":\"Forbidden\"}")));
        Article first = harness.extracted(Articles.article());
        Article second = harness.extracted(Articles.other());
        TranslationStage stage = harness.stage("deepl");

        stage.runPending();
        stage.runPending();

        harness.server.verify(1, postRequestedFor(urlPathEqualTo("/v2/translate")));
        assertThat(harness.state(first.id())).isEqualTo(ArticleState.FAILED);
        assertThat(harness.state(second.id())).isEqualTo(ArticleState.FAILED);
        assertThat(harness.lastError(first.id())).contains("deepl is not usable").contains("403").contains("restart")
                .doesNotContain(StageHarness.KEY);

        // a restarted Tolk (fresh stage) tries once more; the key was fixed meanwhile
        harness.deeplTranslates();
        harness.stage("deepl").runPending();
        assertThat(harness.state(first.id())).isEqualTo(ArticleState.TRANSLATED);
        assertThat(harness.state(second.id())).isEqualTo(ArticleState.TRANSLATED);
    }

    @Test
    void qualityGateErrorsSendTheArticleToReviewAndKeepBadSegmentsOutOfMemory() {
        harness.deeplTranslates();
        harness.deepl.makeMistake(text -> text.replace("2.5", "two and a half").replace("<x id=\"2\"/>", ""));
        Article article = harness.extracted(Articles.article());

        harness.stage("deepl").runPending();

        assertThat(harness.state(article.id())).isEqualTo(ArticleState.IN_REVIEW);
        Translation translation = harness.translations.find(article.id(), 1, "en").orElseThrow();
        assertThat(translation.qa()).filteredOn(QaFinding::isError).extracting(QaFinding::check)
                .contains("number", "markup", "protected-term");
        assertThat(translation.qa()).anySatisfy(finding -> assertThat(finding.message()).contains("b1").contains("25"));

        // the faulty segments were not remembered: a new revision sends them again
        harness.deepl.makeMistake(text -> text);
        harness.revised(Articles.article(), "source-1");
        harness.stage("deepl").runPending();
        assertThat(json(harness.translateRequests().get(1).getBodyAsString()).path("text")).hasSize(2);
        assertThat(harness.state(article.id())).isEqualTo(ArticleState.TRANSLATED);
    }

    @Test
    void humanTranslationRoundTripThroughXliff() throws Exception {
        Article article = harness.extracted(Articles.article());
        TranslationStage stage = harness.stage("xliff");

        assertThat(stage.runPending()).isEqualTo(1);
        assertThat(harness.state(article.id())).isEqualTo(ArticleState.AWAITING_TRANSLATION);
        Path request = home.resolve("translations/outbox/" + article.id() + "-r1-nb-en.xlf");
        assertThat(request).exists();
        assertThat(stage.runPending()).isZero();

        Files.writeString(home.resolve("translations/inbox/" + article.id() + "-en.xlf"), translatedByHand(request),
                StandardCharsets.UTF_8);
        assertThat(stage.runPending()).isEqualTo(1);

        assertThat(harness.state(article.id())).isEqualTo(ArticleState.TRANSLATED);
        Translation translation = harness.translations.find(article.id(), 1, "en").orElseThrow();
        assertThat(translation.engine()).isEqualTo("xliff");
        assertThat(translation.article().title()).isEqualTo("New cluster agreement secures growth in Innlandet");
        assertThat(translation.article().blocks()).extracting(Block::text).containsSubsequence(
                "Innovasjon Norge supports the business cluster with 2.5 million kroner this year.",
                "“Competitiveness cannot be bought, it must be built together,” she says.",
                "Ingrid Berg and Ola Dahl signed the agreement.");
        assertThat(translation.qa()).noneMatch(QaFinding::isError);
    }

    /** What a translator with a text editor does (docs/xliff.md, "Editing by hand"): the Norwegian text in each target replaced by English. */
    private String translatedByHand(Path request) throws Exception {
        String xml = Files.readString(request, StandardCharsets.UTF_8);
        Matcher target = Pattern.compile("<target>(.*?)</target>", Pattern.DOTALL).matcher(xml);
        StringBuilder edited = new StringBuilder();
        while (target.find()) {
            target.appendReplacement(edited, Matcher.quoteReplacement(
                    "<target>" + harness.deepl.translate(target.group(1)) + "</target>"));
        }
        target.appendTail(edited);
        return edited.toString();
    }

    private static JsonNode json(String body) {
        try {
            return ArticleJson.mapper().readTree(body);
        } catch (Exception e) {
            throw new AssertionError(body, e);
        }
    }
}
