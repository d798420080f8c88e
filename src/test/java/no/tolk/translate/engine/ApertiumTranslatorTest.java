package no.tolk.translate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tolk.translate.EngineRejectedException;
import no.tolk.translate.QaFinding;
import no.tolk.translate.Segment;
import no.tolk.translate.TranslationRequest;
import no.tolk.translate.TranslationResult;
import no.tolk.translate.Translator;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The apertium engine against the real Apertium (program and APy), Bokmål to Nynorsk and back. */
class ApertiumTranslatorTest {

    /** Chosen sentences: pronouns (jeg, vi, dem, hun), "ikke", a-infinitives, plural and participle endings. */
    static final List<Segment> SENTENCES = List.of(
            new Segment("title", "Jeg har ikke sett dem."),
            new Segment("lead", "Vi skal kjøpe bøkene og lese avisene."),
            new Segment("b0", "Bilene ble solgt av <x id=\"1\"/> i går, sa <x id=\"2\"/>."),
            new Segment("b1", "Hun sier at AT&T har 3 < 4 kontorer i byene."),
            new Segment("b2", "Kvinnene hadde ikke funnet hestene."));
    static final List<String> NYNORSK = List.of(
            "Eg har ikkje sett dei.",
            "Me skal kjøpa bøkene og lesa avisene.",
            "Bilane vart selde av <x id=\"1\"/> i går, sa <x id=\"2\"/>.",
            "Ho seier at AT&T har 3 < 4 kontor i byane.",
            "Kvinnene hadde ikkje funne hestane.");

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final Map<String, String> config = new HashMap<>();

    @BeforeEach
    void start() {
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    private Translator apertium() {
        return new TranslationEngines(camel, key -> Optional.ofNullable(config.get(key)), new Secrets(Map.of()),
                Clock.systemUTC(), duration -> { }).create("apertium");
    }

    private static List<String> texts(TranslationResult result) {
        return result.segments().stream().map(Segment::text).toList();
    }

    @Test
    void writesNynorskFormsKeepsPlaceholdersAndBillsNothing() throws Exception {
        ApertiumFixture.requireProgram();

        TranslationResult result = apertium().translate(new TranslationRequest("nb", "nn", SENTENCES, null, null));

        assertThat(result.segments()).extracting(Segment::id).containsExactly("title", "lead", "b0", "b1", "b2");
        assertThat(texts(result)).containsExactlyElementsOf(NYNORSK);
        assertThat(result.findings()).isEmpty();
        assertThat(result.usage().engine()).isEqualTo("apertium");
        assertThat(result.usage().model()).isEqualTo("nob-nno");
        assertThat(result.usage().billedCharacters()).isZero();
        assertThat(result.usage().requests()).isEqualTo(1);
    }

    @Test
    void nynorskBackToBokmal() throws Exception {
        ApertiumFixture.requireProgram();

        TranslationResult result = apertium().translate(new TranslationRequest("nn", "nb",
                List.of(new Segment("title", "Eg har ikkje sett dei."), new Segment("b0", "Bilane vart selde i går.")), null, null));

        assertThat(texts(result)).containsExactly("Jeg har ikke sett dem.", "Bilene ble solgt i går.");
        assertThat(result.usage().model()).isEqualTo("nno-nob");
    }

    @Test
    void removesUnknownWordMarksAndReportsThemOnTheirSegments() throws Exception {
        ApertiumFixture.requireProgram();
        config.put("tolk.translate.apertium.review-percent", "50");

        TranslationResult result = apertium().translate(new TranslationRequest("nb", "nn", List.of(
                new Segment("b0", "Vi besøkte Xyzzyby og Qwfpgj i mai. Følg #valg2025."),
                new Segment("b1", "Jeg har ikke sett dem.")), null, null));

        assertThat(texts(result)).containsExactly("Me besøkte Xyzzyby og Qwfpgj i mai. Følg #valg2025.", "Eg har ikkje sett dei.");
        assertThat(result.findings()).containsExactly(new QaFinding(QaFinding.WARNING, "unknown-word",
                "b0: Apertium does not know 'Xyzzyby', 'Qwfpgj', 'valg2025' (left as written)"));
    }

    @Test
    void manyUnknownWordsSendTheTranslationToReview() throws Exception {
        ApertiumFixture.requireProgram();

        TranslationResult result = apertium().translate(new TranslationRequest("nb", "nn", List.of(
                new Segment("title", "Xyzzyby og Qwfpgj møttes i Blorpvik.")), null, null));

        assertThat(texts(result)).containsExactly("Xyzzyby og Qwfpgj møttest i Blorpvik.");
        assertThat(result.findings()).filteredOn(QaFinding::isError).singleElement().satisfies(error -> {
            assertThat(error.check()).isEqualTo("unknown-words");
            assertThat(error.message()).startsWith("Apertium could not handle 3 of 6 words (50%, more than the 5% allowed");
        });
    }

    @Test
    void refusesPairsItIsNotSetUpFor() {
        assertThatThrownBy(() -> apertium().translate(new TranslationRequest("nb", "en", SENTENCES, null, null)))
                .isInstanceOf(EngineRejectedException.class).hasMessageContaining("not nb-en");
    }

    @Test
    void apyServerGivesTheSameTranslation() throws Exception {
        ApertiumFixture.requireApy();
        try (ApertiumFixture.Apy apy = new ApertiumFixture.Apy()) {
            config.put("tolk.translate.apertium.url", apy.url());

            TranslationResult result = apertium().translate(new TranslationRequest("nb", "nn", SENTENCES, null, null));
            TranslationResult unknown = apertium().translate(new TranslationRequest("nb", "nn",
                    List.of(new Segment("b0", "Vi besøkte Xyzzyby i mai.")), null, null));

            assertThat(texts(result)).containsExactlyElementsOf(NYNORSK);
            assertThat(texts(unknown)).containsExactly("Me besøkte Xyzzyby i mai.");
            assertThat(unknown.findings()).extracting(QaFinding::message)
                    .contains("b0: Apertium does not know 'Xyzzyby' (left as written)");
            assertThat(new TranslationEngines(camel, key -> Optional.ofNullable(config.get(key)), new Secrets(Map.of()),
                    Clock.systemUTC(), duration -> { }).apertiumUnavailable("nb", "nn")).isEmpty();
        }
    }
}
