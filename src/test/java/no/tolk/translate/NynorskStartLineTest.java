package no.tolk.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.HashMap;
import no.tolk.ingest.feed.LogCapture;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tolk.translate.engine.ApertiumProcess;
import no.tolk.translate.engine.Secrets;
import no.tolk.translate.engine.TranslationEngines;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Exactly one start-up line about Nynorsk, and it matches the settings actually made. */
class NynorskStartLineTest {

    private final DefaultCamelContext camel = new DefaultCamelContext();   // not started: as at start-up
    private final Map<String, String> config = new HashMap<>();

    @AfterEach
    void stop() {
        camel.stop();
    }

    private List<String> nynorskLines(Map<String, List<String>> targets) {
        TranslationEngines engines = new TranslationEngines(camel, key -> Optional.ofNullable(config.get(key)),
                new Secrets(Map.of()), Clock.systemUTC(), duration -> { });
        try (LogCapture log = new LogCapture(LanguagePlan.class)) {
            LanguagePlan.check(List.of("en"), List.of("xliff"), targets, Map.of("nb-nn", List.of("apertium")), engines);
            return log.lines().stream().filter(line -> line.contains("Nynorsk") || line.contains(" nn")).toList();
        }
    }

    @Test
    void missingProgramGivesOneWarningWithWhatToSet() {
        config.put("tolk.translate.apertium.program", "/nonexistent/apertium");
        assertThat(nynorskLines(Map.of("nb", List.of("en", "nn")))).containsExactly("WARN Nynorsk is off: nb articles are"
                + " not translated into nn because Apertium cannot be used: the program '/nonexistent/apertium' is not"
                + " installed (Debian packages apertium and apertium-nno-nob). Install it, or set"
                + " tolk.translate.apertium.program (or tolk.translate.apertium.url), or take nn out of"
                + " tolk.translate.targets.nb (docs/nynorsk.md)");
    }

    @Test
    void installedProgramGivesOneOnLineWithItsPath() {
        Optional<java.nio.file.Path> program = ApertiumProcess.locate("apertium");
        Assumptions.assumeTrue(program.isPresent(), "apertium is installed");
        assertThat(nynorskLines(Map.of("nb", List.of("en", "nn"))))
                .containsExactly("INFO Nynorsk is on: nb-nn uses apertium (apertium: the apertium program " + program.get() + ")");
    }

    @Test
    void apyThatRefusesConnectionsGivesOneWarningInPlainWords() {
        config.put("tolk.translate.apertium.url", "http://127.0.0.1:9");
        assertThat(nynorskLines(Map.of("nb", List.of("en", "nn")))).containsExactly("WARN Nynorsk is on: nb-nn uses"
                + " apertium (apertium: Apertium APy at http://127.0.0.1:9), which does not answer now (apertium did not"
                + " answer GET /listPairs: connection refused (nothing answers at that address and port)); nb-nn"
                + " translations wait for it");
    }

    @Test
    void notRequestedGivesOneOffLine() {
        assertThat(nynorskLines(Map.of("nb", List.of("en")))).singleElement().asString()
                .startsWith("INFO Nynorsk is off: no Bokmål article is translated into nn (tolk.translate.targets.nb).");
    }
}
