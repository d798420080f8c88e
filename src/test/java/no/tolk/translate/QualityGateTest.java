package no.tolk.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QualityGateTest {

    private final QualityGate gate = new QualityGate(StageHarness.LANGUAGES);
    private static final Map<String, String> GLOSSARY = Map.of("klynge", "cluster", "næringsklynge", "business cluster");

    private List<QaFinding> check(String source, String translated, Set<String> names) {
        ProtectedSegment segment = Segmenter.protect("b0", source, names, Map.of());
        String engineText = translated;
        for (Map.Entry<String, String> placeholder : segment.placeholders().entrySet()) {
            engineText = engineText.replace(placeholder.getValue(), "<x id=\"" + placeholder.getKey() + "\"/>");
        }
        return gate.check(new QualityGate.CheckedSegment(segment, engineText, translated, false), "en", GLOSSARY, names).findings();
    }

    @Test
    void aFaithfulTranslationPasses() {
        assertThat(check("Klyngen fikk 12 000 kroner og 1,5 millioner fra Innovasjon Norge 3. mars 2025.",
                "The cluster received 12,000 kroner and 1.5 million from Innovasjon Norge on 3 March 2025.",
                Set.of("Innovasjon Norge"))).isEmpty();
    }

    @Test
    void lostNumbersDatesNamesAndGlossaryTermsAreFound() {
        List<QaFinding> findings = check("Næringsklyngen fikk 12 000 kroner fra Innovasjon Norge 3. mars 2025.",
                "The industry group received a lot of money from Innovation Norway on 3 May 2025.", Set.of("Innovasjon Norge"));
        assertThat(findings).extracting(QaFinding::check).contains("number", "date", "protected-term", "glossary", "markup");
        assertThat(findings).filteredOn(f -> f.check().equals("glossary")).allMatch(f -> f.level().equals(QaFinding.WARNING));
    }

    @Test
    void emptyAndUntranslatedSegmentsAreErrors() {
        assertThat(check("Avtalen ble signert på Hamar etter lange forhandlinger.", "  ", Set.of()))
                .extracting(QaFinding::check).containsExactly("empty");
        assertThat(check("Avtalen ble signert på Hamar etter lange forhandlinger.",
                "Avtalen ble signert på Hamar etter lange forhandlinger.", Set.of()))
                .extracting(QaFinding::check).contains("untranslated");
        assertThat(check("Avtalen ble signert på Hamar etter lange forhandlinger mellom partene.",
                "Avtalen ble signert i Hamar etter lange forhandlinger mellom partene.", Set.of()))
                .extracting(QaFinding::check).contains("language");
    }

    @Test
    void implausibleLengthIsAWarning() {
        assertThat(check("Avtalen ble signert på Hamar etter lange forhandlinger.", "Signed.", Set.of()))
                .filteredOn(f -> f.check().equals("length")).singleElement()
                .satisfies(f -> assertThat(f.level()).isEqualTo(QaFinding.WARNING));
    }

    @Test
    void segmenterProtectsLinksNamesAndCaptionNamesDeterministically() {
        ProtectedSegment segment = Segmenter.protect("b3", "Ola Dahl i NHO: se https://nho.no/klynge, eller skriv til post@nho.no.",
                Set.of("Ola Dahl", "NHO"), Map.of());
        assertThat(segment.text()).isEqualTo("<x id=\"1\"/> i <x id=\"2\"/>: se <x id=\"3\"/>, eller skriv til <x id=\"4\"/>.");
        assertThat(segment.restore("<x id=\"1\"/> of <x id=\"2\"/>: see <x id=\"3\"/>, or write to <x id=\"4\"/>."))
                .isEqualTo("Ola Dahl of NHO: see https://nho.no/klynge, or write to post@nho.no.");
        ProtectedSegment enforced = Segmenter.protect("b0", "Klynge og næringsklynge", Set.of(), GLOSSARY);
        assertThat(enforced.restore(enforced.text())).isEqualTo("cluster og business cluster");
    }
}
