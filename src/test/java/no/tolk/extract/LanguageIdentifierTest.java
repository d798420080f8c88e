package no.tolk.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The five languages Tolk tells apart, on news paragraphs written for this test: the same stories in
 * Bokmål, Nynorsk, Danish, Swedish and English, so that only the language differs. Paragraphs of
 * about 400 characters; then the kinds that went wrong: Bokmål in radical forms and short texts, a declared
 * language, and languages Tolk does not translate from, which must be "und" rather than a wrong guess.
 */
class LanguageIdentifierTest {

    private static final Path TEXTS = Path.of("src/test/resources/languages");
    private static final LanguageIdentifier LANGUAGES = new LanguageIdentifier();

    static Stream<Arguments> paragraphs() {
        return Stream.of("nb", "nn", "da", "sv", "en").flatMap(language -> {
            String[] paragraphs = read(language).split("\n---\n");
            return Arrays.stream(paragraphs).map(paragraph -> Arguments.of(language, paragraph.strip()));
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("paragraphs")
    void aParagraphIsIdentified(String language, String paragraph) {
        assertThat(LANGUAGES.identify(paragraph)).isEqualTo(language);
    }

    @Test
    void aNorwegianArticleQuotingEnglishIsNorwegian() {
        String article = read("nb").replace("Prosjektet starter etter nyttår",
                "\"This is a great opportunity for the whole region,\" says the EU adviser. Prosjektet starter etter nyttår");
        assertThat(LANGUAGES.identify(article)).isEqualTo("nb");
    }

    @Test
    void bokmalInRadicalFormsIsBokmal() {
        assertThat(LANGUAGES.identify("Jenta kasta boka på golvet og sprang ut i hagen for å leike med hunden."
                + " Hun sa at hun ikke ville lese mer i dag, fordi sola skein og det var varmt ute.")).isEqualTo("nb");
    }

    @Test
    void shortNynorskIsNynorsk() {
        assertThat(LANGUAGES.identify("Eg har ikkje sett henne sidan ho flytta til byen i fjor."
                + " Kva skal vi gjere no, når ingen av dei vil svare oss?")).isEqualTo("nn");
    }

    @Test
    void aDeclaredLanguageDecidesBetweenCloseRelativesButNotAgainstTheText() {
        String bokmal = "Kommunestyret vedtok i går å bygge ny skole på Hauge. Skolen skal stå ferdig om tre år.";
        assertThat(LANGUAGES.identify(bokmal, "nb-NO")).isEqualTo("nb");
        assertThat(LANGUAGES.identify("The council decided yesterday to build a new school at Hauge. It will open in three years.", "nb-NO"))
                .isEqualTo("en");
    }

    @Test
    void shortEnglishIsEnglish() {
        assertThat(LANGUAGES.identify("New ferry between Bodø and Svolvær\nThe boat starts in June and takes two hours."))
                .isEqualTo("en");
    }

    @Test
    void otherLanguagesAreUndeterminedRatherThanAWrongGuess() {
        assertThat(LANGUAGES.identify("De gemeente Amsterdam heeft besloten om de nieuwe brug over het IJ pas in 2026 te openen."
                + " Volgens de wethouder zijn de kosten veel hoger dan verwacht.")).isEqualTo("und");
        assertThat(LANGUAGES.identify("La mairie a annoncé mardi l'ouverture d'une nouvelle bibliothèque dans le quartier nord"
                + " de la ville. Les travaux commenceront au printemps.")).isEqualTo("und");
        assertThat(LANGUAGES.identify("Die Stadt Bergen plant eine neue Fährverbindung nach Stavanger. Nach Angaben der Reederei"
                + " sollen die Schiffe ab dem Sommer zweimal täglich fahren.", "de-DE")).isEqualTo("und");
    }

    @Test
    void theWholeArticleIsSampledNotOnlyItsStart() {
        StringBuilder text = new StringBuilder("Annual report 2024. ");
        for (int i = 1; i <= 200; i++) text.append("Dette er avsnitt nummer ").append(i).append(" i rapporten om havnene. ");
        String sample = LanguageIdentifier.sample(text.toString());
        assertThat(sample).hasSizeLessThanOrEqualTo(LanguageIdentifier.SAMPLE_CHARACTERS + 10).contains("nummer 1 ");
        assertThat(java.util.regex.Pattern.compile("nummer 1[5-9]\\d ").matcher(sample).find()).isTrue();
        assertThat(LANGUAGES.identify(text.toString())).isEqualTo("nb");
    }

    @Test
    void textWithoutLettersIsUndetermined() {
        assertThat(LANGUAGES.identify("2024 – 13.05 – 42 %")).isEqualTo("und");
    }

    private static String read(String language) {
        try {
            return Files.readString(TEXTS.resolve(language + ".txt"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
