package no.tolk.translate.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import no.tolk.translate.Segment;
import no.tolk.translate.TranslationRequest;
import no.tolk.translate.Translator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranslationEnginesTest {

    private EngineHarness harness;
    private final Map<String, String> config = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();

    @BeforeEach
    void start() {
        harness = new EngineHarness();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private TranslationEngines engines() {
        return new TranslationEngines(harness.camel, key -> Optional.ofNullable(config.get(key)), new Secrets(environment),
                EngineHarness.CLOCK, harness.sleeps::add);
    }

    @Test
    void buildsTheConfiguredEngineAgainstTheConfiguredUrlWithTheKeyFromTheEnvironment() throws Exception {
        config.put("tolk.translate.engine", "deepl");
        config.put("tolk.translate.deepl.url", harness.url());
        config.put("tolk.translate.deepl.target-variant", "EN-US");
        environment.put("DEEPL_AUTH_KEY", "env-key:fx");
        harness.server.stubFor(post(urlPathEqualTo("/v2/translate"))
                .willReturn(okJson("{\"translations\":[{\"text\":\"Hello\",\"billed_characters\":3}]}")));

        Translator translator = engines().configured();
        translator.translate(new TranslationRequest("nb", "en", List.of(new Segment("b0", "Hei")), null, null));

        assertThat(translator).isInstanceOf(DeepLTranslator.class);
        assertThat(harness.requests().get(0).getHeader("Authorization")).isEqualTo("DeepL-Auth-Key env-key:fx");
        assertThat(EngineHarness.json(harness.requests().get(0)).path("target_lang").asText()).isEqualTo("EN-US");
    }

    @Test
    void readsAKeyFromTheFileNamedByNameFile(@TempDir Path folder) throws Exception {
        Path secret = Files.writeString(folder.resolve("google-key"), "file-key\n");
        environment.put("GOOGLE_TRANSLATE_API_KEY_FILE", secret.toString());
        config.put("tolk.translate.google.url", harness.url());
        harness.server.stubFor(post(urlPathEqualTo("/language/translate/v2"))
                .willReturn(okJson("{\"data\":{\"translations\":[{\"translatedText\":\"Hello\"}]}}")));

        engines().create("google").translate(new TranslationRequest("nb", "en", List.of(new Segment("b0", "Hei")), null, null));

        assertThat(harness.requests().get(0).queryParameter("key").firstValue()).isEqualTo("file-key");
    }

    @Test
    void buildsEveryEngineByNameOnceAndShareItsInstance() {
        environment.putAll(Map.of("DEEPL_AUTH_KEY", "k", "GOOGLE_TRANSLATE_API_KEY", "k", "AZURE_TRANSLATOR_KEY", "k",
                "AZURE_TRANSLATOR_REGION", "norwayeast"));
        TranslationEngines engines = engines();

        assertThat(TranslationEngines.NAMES).allSatisfy(name -> assertThat(engines.create(name).name()).isEqualTo(name));
        assertThat(engines.create("DeepL")).isSameAs(engines.create("deepl"));
        assertThat(engines.create("libretranslate").capabilities().maxSegmentsPerRequest()).isEqualTo(25);
        assertThat(engines.create("deepl").capabilities().maxSegmentsPerRequest()).isEqualTo(50);
    }

    @Test
    void aMissingKeyNamesTheVariableButNoValue() {
        assertThatThrownBy(() -> engines().create("azure"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("AZURE_TRANSLATOR_KEY");
        assertThatThrownBy(() -> engines().create("systran"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deepl, google, azure, libretranslate, openai");
    }

    @Test
    void aBaseUrlWithAPathKeepsItForACustomAzureEndpoint() throws Exception {
        config.put("tolk.translate.azure.url", harness.url() + "/translator/text/v3.0/");
        environment.put("AZURE_TRANSLATOR_KEY", "k");
        harness.server.stubFor(post(urlPathEqualTo("/translator/text/v3.0/translate"))
                .willReturn(okJson("[{\"translations\":[{\"text\":\"Hello\",\"to\":\"en\"}]}]")));

        engines().create("azure").translate(new TranslationRequest("nb", "en", List.of(new Segment("b0", "Hei")), null, null));

        assertThat(harness.requests().get(0).getUrl()).startsWith("/translator/text/v3.0/translate?api-version=3.0");
        assertThat(harness.requests().get(0).containsHeader("Ocp-Apim-Subscription-Region")).isFalse();
    }

    @Test
    void fallbacksAreReadInOrder() {
        config.put("tolk.translate.fallback", " Azure, libretranslate ,");

        assertThat(engines().fallbackNames()).containsExactly("azure", "libretranslate");
    }

    @Test
    void openAiSettingsComeFromConfiguration() {
        config.put("tolk.translate.openai.model", "qwen2.5:14b");
        config.put("tolk.translate.openai.max-segments", "10");

        Translator openai = engines().create("openai");

        assertThat(openai.capabilities().maxSegmentsPerRequest()).isEqualTo(10);
        assertThat(openai.capabilities().glossary()).isTrue();
    }

    @Test
    void readsDurationsInTheUsualForms() {
        assertThat(TranslationEngines.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(TranslationEngines.parseDuration("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(TranslationEngines.parseDuration("0.5s")).isEqualTo(Duration.ofMillis(500));
        assertThat(TranslationEngines.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(TranslationEngines.parseDuration("1500")).isEqualTo(Duration.ofMillis(1500));
        assertThat(TranslationEngines.parseDuration("PT3S")).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void inTheAppSettingsComeFromCamelProperties() {
        Properties properties = new Properties();
        properties.setProperty("tolk.translate.engine", "libretranslate");
        properties.setProperty("tolk.translate.libretranslate.max-segments", "7");
        harness.camel.getPropertiesComponent().setInitialProperties(properties);

        Translator translator = TranslationEngines.of(harness.camel).configured();

        assertThat(translator.name()).isEqualTo("libretranslate");
        assertThat(translator.capabilities().maxSegmentsPerRequest()).isEqualTo(7);
    }
}
