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
 * about 400 characters; Lingua can take two sentences of Bokmål (220 characters) for Nynorsk, which is
 * why articles are identified on their first {@value LanguageIdentifier#SAMPLE_CHARACTERS} characters.
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
