package no.tolk.extract;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Map;

/**
 * Lingua restricted to the languages Tolk meets; unlike Tika's detector it tells Bokmål from Nynorsk
 * and Danish from Norwegian.
 */
public class LanguageIdentifier {

    private static final int SAMPLE_CHARACTERS = 4000;
    private static final Map<Language, String> CODES = Map.of(
            Language.BOKMAL, "nb",
            Language.NYNORSK, "nn",
            Language.ENGLISH, "en",
            Language.DANISH, "da",
            Language.SWEDISH, "sv");

    private final LanguageDetector detector = LanguageDetectorBuilder
            .fromLanguages(CODES.keySet().toArray(Language[]::new))
            .build();

    /** ISO 639-1 code of the text's language, or {@code "und"} when it cannot be told. */
    public String identify(String text) {
        String sample = text.length() > SAMPLE_CHARACTERS ? text.substring(0, SAMPLE_CHARACTERS) : text;
        return CODES.getOrDefault(detector.detectLanguageOf(sample), "und");
    }
}
