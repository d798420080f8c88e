package no.tolk.extract;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.regex.Pattern;

/**
 * Tells which of the languages Tolk handles (Bokmål, Nynorsk, English, Danish, Swedish) an article is in,
 * and says {@code "und"} (undetermined) for anything else or when unsure, rather than guessing.
 *
 * <p>How: Lingua (low-accuracy mode, trigram models) compares the text with the five languages and with
 * the other languages of Western Europe that documents sent to a Norwegian organisation are written in
 * ({@link #OTHERS}); a text closest to one of those is {@code "und"}. Between Bokmål and Nynorsk, whose
 * trigrams overlap most (Bokmål in its radical forms, "boka", "kasta", reads as Nynorsk to trigram
 * statistics), the function words decide when they clearly lean one way: words only one of the written
 * standards uses (Bokmål "ikke", "jeg", "hva", "fra", "noe"; Nynorsk "ikkje", "eg", "kva", "frå",
 * "noko"; lists in {@link #BOKMAL_ONLY} and {@link #NYNORSK_ONLY}, from the official spelling of both).
 * A language the document declares for itself (Word/ODF/PDF metadata, HTML {@code lang}) decides between
 * languages that are close (Norwegian, Danish, Swedish) but never against clear evidence in the text:
 * an English text in a file marked nb-NO is English.
 */
public class LanguageIdentifier {

    /** Text sampled from the whole article (title, lead, then slices spread over the body), in characters. */
    static final int SAMPLE_CHARACTERS = 600;
    /** Below this many letters the text is too short to tell anything. */
    static final int MIN_LETTERS = 12;
    /** Lingua's confidence (softmax, all candidates sum to 1) the best language needs unless the runner-up is a close relative. */
    static final double MIN_CONFIDENCE = 0.5;

    private static final Map<Language, String> CODES = Map.of(
            Language.BOKMAL, "nb",
            Language.NYNORSK, "nn",
            Language.ENGLISH, "en",
            Language.DANISH, "da",
            Language.SWEDISH, "sv");
    /**
     * The other languages a text is compared with. Each costs as much as one of the five (Lingua scores every
     * candidate): with these eight an article costs about 2.5 times what the five alone cost (LangBench figures
     * in the README), which is why the list holds the languages of Western Europe's largest neighbours and
     * not all 75 Lingua knows; text in any other language scores low on all candidates and is "und" too.
     */
    static final Set<Language> OTHERS = Set.of(Language.GERMAN, Language.FRENCH, Language.DUTCH, Language.SPANISH,
            Language.ITALIAN, Language.POLISH, Language.FINNISH, Language.PORTUGUESE);
    private static final Set<String> SCANDINAVIAN = Set.of("nb", "nn", "da", "sv");
    static final Set<String> BOKMAL_ONLY = Set.of("ikke", "jeg", "hva", "hvordan", "hvorfor", "hvis", "hvor", "fra",
            "noe", "noen", "mye", "bare", "hun", "hele", "flere", "mens", "mer", "sammen", "særlig", "fikk",
            "gikk", "sier", "mener", "uke", "hvert", "hver", "være", "vært", "selv", "enn", "ble", "skrev",
            "dem", "deres", "kunne", "etter", "et", "ett", "en", "nå", "da", "seg", "meg", "deg");
    static final Set<String> NYNORSK_ONLY = Set.of("ikkje", "eg", "kva", "korleis", "kvifor", "kor", "frå",
            "noko", "nokon", "mykje", "òg", "berre", "ho", "heile", "fleire", "medan", "meir", "saman", "særleg", "fekk",
            "gjekk", "seier", "meiner", "veke", "kvart", "kvar", "vere", "vore", "sjølv", "enn", "vart", "skreiv",
            "dei", "deira", "kunne", "etter", "eit", "ein", "no", "då", "seg", "meg", "deg", "éin");
    private static final Pattern WORD = Pattern.compile("[\\p{L}òé]+");

    private final LanguageDetector detector = LanguageDetectorBuilder
            .fromLanguages(java.util.stream.Stream.concat(CODES.keySet().stream(), OTHERS.stream()).toArray(Language[]::new))
            .withLowAccuracyMode()
            .build();

    /** Loads the models in the background so neither start-up nor the first article waits for them. */
    public LanguageIdentifier warmUpInBackground() {
        Thread loader = new Thread(() -> identify("Dette er en setning som laster språkmodellene."), "language-models");
        loader.setDaemon(true);
        loader.start();
        return this;
    }

    /** ISO 639-1 code (nb, nn, en, da, sv) of the text's language, or {@code "und"} when it is none of them or cannot be told. */
    public String identify(String text) {
        return identify(text, null);
    }

    /**
     * As {@link #identify(String)}, weighing the language the document declares for itself.
     * @param declared a BCP 47 tag or ISO 639 code as documents write it ("nb-NO", "no", "nn", "en-GB",
     *                 "nob"), or null/blank when the document says nothing
     */
    public String identify(String text, String declared) {
        if (text == null) return "und";
        String sample = sample(text);
        if (sample.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) return "und";
        SortedMap<Language, Double> confidence = detector.computeLanguageConfidenceValues(sample);
        if (confidence.isEmpty()) return "und";
        Language best = confidence.firstKey();
        double bestValue = confidence.get(best);
        String code = CODES.get(best);
        String stated = normalise(declared);
        if (code == null) {
            return "und";
        }
        if (code.equals("nb") || code.equals("nn")) {
            String byWords = bokmalOrNynorsk(sample);
            if (byWords != null) code = byWords;
            else if (stated != null && (stated.equals("nb") || stated.equals("nn"))) code = stated;
        } else if (stated != null && SCANDINAVIAN.contains(code) && SCANDINAVIAN.contains(stated) && !stated.equals(code)) {
            double statedValue = confidence.getOrDefault(languageOf(stated), 0.0);
            if (statedValue >= bestValue / 4) code = stated;
        }
        if (bestValue < MIN_CONFIDENCE && !SCANDINAVIAN.contains(code)) {
            // unsure between unrelated languages: only a declared language that is among the candidates settles it
            return code.equals(stated) ? code : "und";
        }
        if (bestValue < MIN_CONFIDENCE) {
            double scandinavian = confidence.entrySet().stream()
                    .filter(e -> CODES.containsKey(e.getKey()) && SCANDINAVIAN.contains(CODES.get(e.getKey())))
                    .mapToDouble(Map.Entry::getValue).sum();
            if (scandinavian < MIN_CONFIDENCE) return "und";
        }
        return code;
    }

    /** "nb" or "nn" when the function words lean clearly (at least 3 to 1, and 2 words) to one written standard. */
    static String bokmalOrNynorsk(String text) {
        int bokmal = 0;
        int nynorsk = 0;
        var words = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (words.find()) {
            String word = words.group();
            boolean b = BOKMAL_ONLY.contains(word);
            boolean n = NYNORSK_ONLY.contains(word);
            if (b && !n) bokmal++;
            else if (n && !b) nynorsk++;
        }
        if (bokmal >= 2 && bokmal >= 3 * nynorsk) return "nb";
        if (nynorsk >= 2 && nynorsk >= 3 * bokmal) return "nn";
        return null;
    }

    /**
     * The title, lead and first paragraph, then slices spread evenly over the rest, up to
     * {@value #SAMPLE_CHARACTERS} characters: the whole article speaks, at a cost that does not grow with it.
     */
    static String sample(String text) {
        if (text.length() <= SAMPLE_CHARACTERS) return text;
        int head = SAMPLE_CHARACTERS / 2;
        StringBuilder sample = new StringBuilder(text.substring(0, cutAtSpace(text, head)));
        int slices = 4;
        int slice = (SAMPLE_CHARACTERS - sample.length()) / slices;
        int stride = (text.length() - head) / slices;
        for (int i = 0; i < slices; i++) {
            int from = head + i * stride;
            int start = text.indexOf(' ', from);
            if (start < 0) break;
            int end = cutAtSpace(text, Math.min(text.length(), start + slice));
            if (end > start) sample.append(' ').append(text, start + 1, end);
        }
        return sample.toString();
    }

    private static int cutAtSpace(String text, int at) {
        if (at >= text.length()) return text.length();
        int space = text.lastIndexOf(' ', at);
        return space > 0 ? space : at;
    }

    /** "nb-NO", "no", "nob", "Norwegian Bokmål" ... as one of nb, nn, en, da, sv, or null. */
    static String normalise(String declared) {
        if (declared == null || declared.isBlank()) return null;
        String tag = declared.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        String primary = tag.split("[-,; ]")[0];
        return switch (primary) {
            case "nb", "no", "nob", "nor", "bokmål", "bokmal", "norsk", "norwegian" -> tag.contains("nynorsk") ? "nn" : "nb";
            case "nn", "nno", "nynorsk" -> "nn";
            case "en", "eng", "english" -> "en";
            case "da", "dan", "danish", "dansk" -> "da";
            case "sv", "swe", "swedish", "svenska" -> "sv";
            default -> null;
        };
    }

    private static Language languageOf(String code) {
        return CODES.entrySet().stream().filter(e -> e.getValue().equals(code)).map(Map.Entry::getKey).findFirst().orElse(null);
    }
}
