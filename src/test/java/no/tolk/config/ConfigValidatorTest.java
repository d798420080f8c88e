package no.tolk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigValidatorTest {

    @TempDir
    Path home;

    @Test
    void theDefaultsAreValid() {
        assertThat(ConfigValidator.problems(Settings.load(home, Map.of()))).isEmpty();
    }

    @Test
    void anEmptyPortInAUrlIsRefusedWithWhereItCameFrom() {
        List<String> problems = ConfigValidator.problems(Settings.load(home, Map.of(
                "TOLK_TRANSLATE_ENGINE", "deepl", "DEEPL_AUTH_KEY", "k:fx", "TOLK_TRANSLATE_DEEPL_URL", "http://127.0.0.1:")));
        assertThat(problems).containsExactly("tolk.translate.deepl.url = 'http://127.0.0.1:' (environment TOLK_TRANSLATE_DEEPL_URL):"
                + " the port after ':' is empty; give a port number or drop the ':'");
    }

    @Test
    void unknownKeysGetTheNearestKnownOne() throws Exception {
        Files.writeString(home.resolve("application.properties"), "tolk.translate.engnie = deepl\ntolk.whatever.thing = 1\n");
        List<String> problems = ConfigValidator.problems(Settings.load(home, Map.of("TOLK_INGEST_POL_DELAY", "5", "TOLK_HOME", "/x")));
        assertThat(problems).containsExactlyInAnyOrder(
                "unknown key tolk.translate.engnie in " + home.resolve("application.properties") + "; did you mean tolk.translate.engine?",
                "unknown key tolk.whatever.thing in " + home.resolve("application.properties"),
                "unknown environment variable TOLK_INGEST_POL_DELAY; did you mean TOLK_INGEST_POLL_DELAY (tolk.ingest.poll-delay)?");
    }

    @Test
    void anEngineOrChannelWithoutItsSecretIsRefused() {
        List<String> problems = ConfigValidator.problems(Settings.load(home, Map.of("TOLK_TRANSLATE_FALLBACK", "google",
                "TOLK_SOCIAL_CHANNELS", "outbox,bluesky", "BLUESKY_HANDLE", "news.example.org", "TOLK_CMS_TYPE", "wordpres")));
        assertThat(problems).containsExactly(
                "translation engine google is chosen but GOOGLE_TRANSLATE_API_KEY (or GOOGLE_TRANSLATE_API_KEY_FILE) is not set in the environment",
                "social channel bluesky is chosen but BLUESKY_APP_PASSWORD (or BLUESKY_APP_PASSWORD_FILE) is not set in the environment",
                "unknown tolk.cms.type 'wordpres'; known: static, wordpress");
    }

    @Test
    void perLanguageTargetsAndPerPairEnginesAreKnownAndTheirEnginesChecked() throws Exception {
        Files.writeString(home.resolve("application.properties"), "tolk.translate.targets.nb = en,nn\n"
                + "tolk.translate.targets.nn = en,nb-NO\ntolk.translate.engine.nb-en = deepl,xliff\n"
                + "tolk.translate.engine.nn-en = apertum\ntolk.translate.engnie.nb-nn = apertium\n");
        List<String> problems = ConfigValidator.problems(Settings.load(home, Map.of("TOLK_TRANSLATE_ENGINE_NB_NN", "apertium",
                "TOLK_TRANSLATE_APERTIUM_URL", "http://127.0.0.1:2737")));
        assertThat(problems).containsExactlyInAnyOrder(
                "unknown key tolk.translate.engnie.nb-nn in " + home.resolve("application.properties")
                        + "; did you mean tolk.translate.engine.nb-nn?",
                "tolk.translate.targets.nn: 'nb-no' is not a language code; use ISO 639-1 codes such as en, nb, nn",
                "unknown translation engine 'apertum' in a tolk.translate.engine.<source>-<target> key; known: xliff, deepl, google,"
                        + " azure, libretranslate, openai, apertium; did you mean apertium?",
                "translation engine deepl is chosen but DEEPL_AUTH_KEY (or DEEPL_AUTH_KEY_FILE) is not set in the environment");
    }

    @Test
    void nynorskFromAnEngineThatWritesOnlyBokmalIsRefused() {
        List<String> problems = ConfigValidator.problems(Settings.load(home, Map.of("TOLK_TRANSLATE_TARGETS_NB", "en,nn",
                "TOLK_TRANSLATE_ENGINE_NB_NN", "apertium,google", "GOOGLE_TRANSLATE_API_KEY", "k")));
        assertThat(problems).containsExactly("tolk.translate.engine.nb-nn uses google, which cannot write Nynorsk"
                + " (its API knows Norwegian only as Bokmål); use apertium, openai or xliff");
    }

    @Test
    void aSecretFromAReadableFileCounts() throws Exception {
        Path key = Files.writeString(home.resolve("deepl.key"), "k:fx\n");
        assertThat(ConfigValidator.problems(Settings.load(home, Map.of("TOLK_TRANSLATE_ENGINE", "deepl",
                "DEEPL_AUTH_KEY_FILE", key.toString())))).isEmpty();
    }

    @Test
    void portsAndNumbersAreChecked() {
        List<String> problems = ConfigValidator.problems(Settings.load(home, Map.of("TOLK_HTTP_PORT", "70000",
                "TOLK_INGEST_POLL_DELAY", "1s", "TOLK_JMX_SSL", "yes")));
        assertThat(problems).containsExactlyInAnyOrder(
                "tolk.http.port = '70000' (environment TOLK_HTTP_PORT): a port is a number from 0 to 65535 (0 = off)",
                "tolk.ingest.poll-delay = '1s' (environment TOLK_INGEST_POLL_DELAY): expected a whole number (the default is 1000)",
                "tolk.jmx.ssl = 'yes' (environment TOLK_JMX_SSL): expected true or false");
    }

    @Test
    void urlsNeedASchemeAndAHost() {
        assertThat(ConfigValidator.urlProblem("https://api.deepl.com")).isEmpty();
        assertThat(ConfigValidator.urlProblem("http://localhost:5000/translate")).isEmpty();
        assertThat(ConfigValidator.urlProblem("api.deepl.com")).contains("must start with http:// or https://");
        assertThat(ConfigValidator.urlProblem("http://")).isPresent();
        assertThat(ConfigValidator.urlProblem("http://host:99999")).contains("port 99999 is out of range (1-65535)");
    }

    @Test
    void nynorskThroughAMissingApertiumProgramIsAWarningNotAProblem() {
        Settings settings = Settings.load(home, Map.of("TOLK_TRANSLATE_TARGETS_NB", "en,nn",
                "TOLK_TRANSLATE_ENGINE_NB_NN", "apertium", "TOLK_TRANSLATE_APERTIUM_PROGRAM", "/nonexistent/apertium"));
        assertThat(ConfigValidator.problems(settings)).isEmpty();
        assertThat(ConfigValidator.warnings(settings)).containsExactly("nb-nn uses apertium, but the program"
                + " '/nonexistent/apertium' is not installed (Debian packages apertium and apertium-nno-nob): nb articles"
                + " will not be translated into nn (the other languages go on); install it, set"
                + " tolk.translate.apertium.program to its path or tolk.translate.apertium.url to an APy server, or take nn"
                + " out of tolk.translate.targets.nb");
        assertThat(ConfigValidator.warnings(Settings.load(home, Map.of("TOLK_TRANSLATE_TARGETS_NB", "en,nn",
                "TOLK_TRANSLATE_ENGINE_NB_NN", "apertium", "TOLK_TRANSLATE_APERTIUM_URL", "http://127.0.0.1:2737")))).isEmpty();
    }
}
