package no.tolk.translate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.tolk.ExternalProcess;
import no.tolk.RunningPipeline;
import no.tolk.article.ArticleJson;
import no.tolk.cli.TolkCommand;
import no.tolk.store.ArticleStore;
import org.junit.jupiter.api.Test;
import no.tolk.Samples;
import org.junit.jupiter.api.io.TempDir;

/** The translation stage inside the real application: route, configuration, 'tolk once', 'show' and 'status'. */
class TranslatePipelineTest {

    @TempDir
    Path home;

    @Test
    void onceTranslatesADroppedArticleThroughDeepLAndShowPrintsTheTranslation() throws Exception {
        FakeDeepL deepl = new FakeDeepL(phrases());
        WireMockServer server = new WireMockServer(options().dynamicPort().extensions(deepl));
        server.start();
        try {
            server.stubFor(get(urlPathEqualTo("/v3/glossaries")).willReturn(okJson("{\"glossaries\":[]}")));
            server.stubFor(post(urlPathEqualTo("/v3/glossaries")).willReturn(okJson("{\"glossary_id\":\"gl-1\"}")));
            server.stubFor(post(urlPathEqualTo("/v2/translate")).willReturn(aResponse().withTransformers(FakeDeepL.NAME)));
            Files.createDirectories(home.resolve("inbox"));
            Files.writeString(home.resolve("inbox/klyngeavtale.txt"), Samples.SHORT_ARTICLE, StandardCharsets.UTF_8);

            Map<String, String> environment = Map.of("TOLK_TRANSLATE_ENGINE", "deepl",
                    "TOLK_TRANSLATE_DEEPL_URL", server.baseUrl(), "DEEPL_AUTH_KEY", StageHarness.KEY,
                    "TOLK_INGEST_READ_LOCK_MIN_AGE", "0", "TOLK_INGEST_POLL_DELAY", "100");
            try (ExternalProcess once = ExternalProcess.start(home, environment, List.of("-Xmx512m"), "once", "--home", home.toString())) {
                assertThat(once.awaitExit(Duration.ofSeconds(120))).as(once.output()).isZero();
                assertThat(once.output()).doesNotContain(StageHarness.KEY);
            }
            server.verify(1, postRequestedFor(urlPathEqualTo("/v2/translate")));
        } finally {
            server.stop();
        }

        JsonNode status = json(run("status", "--json", "--home", home.toString()));
        JsonNode article = status.path("articles").get(0);
        // a machine translation waits for a person's approval (tolk.publish.require-approval defaults to true for deepl)
        assertThat(article.path("state").asText()).as(status.toString()).isEqualTo("in_review");
        assertThat(article.path("translations").get(0).path("language").asText()).isEqualTo("en");
        assertThat(article.path("translations").get(0).path("state").asText()).isEqualTo("translated");

        JsonNode shown = json(run("show", article.path("id").asText(), "--lang", "en", "--home", home.toString()));
        assertThat(shown.path("language").asText()).isEqualTo("en");
        assertThat(shown.path("title").asText()).isEqualTo("New cluster agreement secures growth in Innlandet");
        assertThat(shown.path("author").asText()).isEqualTo("Ingrid Berg");
        assertThat(shown.path("blocks").findValuesAsText("text")).contains(
                "“This is the largest agreement we have entered into, and it shows what we can achieve together,”"
                        + " says chief executive Ola Dahl.");
        assertThat(shown.path("usage").path("engine").asText()).isEqualTo("deepl");
        assertThat(shown.path("usage").path("billedCharacters").asLong()).isPositive();
        assertThat(shown.path("qa").isArray()).isTrue();
        assertThat(shown.path("qa").findValuesAsText("level")).doesNotContain("error");

        JsonNode original = json(run("show", article.path("id").asText(), "--home", home.toString()));
        assertThat(original.path("language").asText()).isEqualTo("nb");
        assertThat(original.has("qa")).isFalse();
    }

    @Test
    void theRunningServiceSendsAnArticleToHumanTranslationByDefault() throws Exception {
        try (RunningPipeline pipeline = RunningPipeline.start(home, Map.of("tolk.translate.poll-delay", "200",
                "tolk.translate.initial-delay", "0"))) {
            Files.writeString(home.resolve("inbox/klyngeavtale.txt"), Samples.SHORT_ARTICLE, StandardCharsets.UTF_8);
            ArticleStore store = pipeline.bean("articleStore", ArticleStore.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> store.listArticles().size() == 1
                    && store.listArticles().get(0).state().equals("awaiting_translation"));
            String id = store.listArticles().get(0).id();
            assertThat(home.resolve("translations/outbox/" + id + "-r1-nb-en.xlf")).exists();
            assertThat(pipeline.bean("translationStage", TranslationStage.class)).isNotNull();
        }
    }

    private static Map<String, String> phrases() {
        Map<String, String> phrases = new LinkedHashMap<>();
        phrases.put("Ny klyngeavtale sikrer vekst i Innlandet", "New cluster agreement secures growth in Innlandet");
        phrases.put("Tolv bedrifter i Innlandet har signert en ny avtale om felles innkjøp av fornybar energi, og regner med å spare flere millioner kroner i året.",
                "Twelve companies in Innlandet have signed a new agreement on the joint purchase of renewable energy, and expect to save several million kroner a year.");
        phrases.put("Avtalen ble signert på Hamar onsdag, etter nesten ett års forhandlinger mellom bedriftene og energiselskapet.",
                "The agreement was signed in Hamar on Wednesday, after almost a year of negotiations between the companies and the energy company.");
        phrases.put("Store besparelser", "Large savings");
        phrases.put("– Dette er den største avtalen vi har inngått, og den viser hva vi får til sammen, sier daglig leder Ola Dahl.",
                "– This is the largest agreement we have entered into, and it shows what we can achieve together, says chief executive Ola Dahl.");
        phrases.put("Bedriftene skal nå evaluere avtalen etter to år, og flere nye medlemmer har allerede vist interesse.",
                "The companies will now evaluate the agreement after two years, and several new members have already shown interest.");
        return phrases;
    }

    private static String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            int exit = TolkCommand.commandLine().execute(args);
            assertThat(exit).as(String.join(" ", args)).isZero();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static JsonNode json(String text) throws Exception {
        return ArticleJson.mapper().readTree(text);
    }
}
