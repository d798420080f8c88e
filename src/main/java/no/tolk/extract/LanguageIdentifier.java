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
            "dem", "deres", "kunne", "etter", "et", "ett", "en", "nå", "da", "seg", "meg", "deg",
            "hvem", "hvilken", "hvilket", "hvilke", "disse", "dere", "hennes", "siden", "uten", "derfor", "frem",
            "fremdeles", "kommer", "gjør", "gjøre", "vet", "tror", "helt", "egen", "eget", "egne", "hos", "ønsker",
            "dessuten", "høyere", "forteller", "blitt", "de");
    static final Set<String> NYNORSK_ONLY = Set.of("ikkje", "eg", "kva", "korleis", "kvifor", "kor", "frå",
            "noko", "nokon", "mykje", "òg", "berre", "ho", "heile", "fleire", "medan", "meir", "saman", "særleg", "fekk",
            "gjekk", "seier", "meiner", "veke", "kvart", "kvar", "vere", "vore", "sjølv", "enn", "vart", "skreiv",
            "dei", "deira", "kunne", "etter", "eit", "ein", "no", "då", "seg", "meg", "deg", "éin",
            "kven", "desse", "dykk", "hennar", "sidan", "utan", "difor", "framleis", "kjem", "gjer", "gjere",
            "veit", "trur", "heilt", "eigen", "eige", "eigne", "hjå", "ønskjer", "dessutan", "høgare", "fortel",
            "vorte", "nokre", "vert", "verte");
    /**
     * Endings only one written standard uses (Språkrådet's official spellings): Bokmål -lig and -het
     * ("mulig", "vanligvis", "sikkerhet"), Nynorsk -leg and -heit ("mogleg", "vanlegvis", "tryggleik" aside,
     * "moglegheit"). Words of at least 6 letters, so "lege" (doctor) and "het" (was called) do not count.
     */
    private static final Pattern BOKMAL_ENDING = Pattern.compile("\\p{L}{3,}(?:lig|lige|ligere|ligst|ligste|ligvis|het|heten|heter)");
    private static final Pattern NYNORSK_ENDING = Pattern.compile("\\p{L}{3,}(?:leg|legare|legast|legaste|legvis|heit|heita|heiter|heitene)");
    private static final Pattern WORD = Pattern.compile("[\\p{L}òé]+");

    /** Characters of the article's start that decide alone when they are unambiguous (about two sentences). */
    static final int HEAD_CHARACTERS = 200;
    /**
     * The start decides alone when every language outside the best one's family scores at most this much of the
     * best (Lingua's relative confidence, best = 1). Measured on the test paragraphs' first 200 characters: the
     * runner-up scored 0.70-0.79 where the start and the whole article agreed, 0.83-0.94 between Danish and
     * Bokmål starts that only the whole article told apart.
     */
    static final double EARLY_RUNNER_UP = 0.80;
    /** Languages scoring at least this much of the best on the start stay candidates for the whole sample. */
    static final double STILL_CANDIDATE = 0.80;

    private static final Set<Language> ALL = java.util.EnumSet.copyOf(java.util.stream.Stream.concat(
            CODES.keySet().stream(), OTHERS.stream()).toList());
    /** Web and e-mail addresses: their "no", "com" and "www" are no words of any language. */
    private static final Pattern ADDRESS = Pattern.compile(
            "(?iu)\\b(?:https?://|www\\.)\\S+|\\S+@\\S+\\.\\p{L}{2,}|\\b[\\p{L}\\d-]+(?:\\.[\\p{L}\\d-]+)*\\.(?:no|com|org|net|eu|se|dk|nu|info|io)\\b(?:/\\S*)?");

    /** Detectors per candidate set; Lingua shares the loaded models between them. */
    private final Map<Set<Language>, LanguageDetector> detectors = new java.util.concurrent.ConcurrentHashMap<>();

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
        String sample = sample(ADDRESS.matcher(text).replaceAll(" "));
        if (sample.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) return "und";
        SortedMap<Language, Double> confidence = confidence(sample);
        if (confidence.isEmpty()) return "und";
        Language best = confidence.firstKey();
        double bestValue = confidence.get(best);
        String code = CODES.get(best);
        String stated = normalise(declared);
        if (code == null) {
            return "und";
        }
        if (code.equals("nb") || code.equals("nn")) {
            StandardWords words = StandardWords.count(sample);
            String byWords = words.clearLean();
            if (byWords != null) code = byWords;
            else if (stated != null && (stated.equals("nb") || stated.equals("nn"))) code = stated;
            else code = words.bokmalUnlessNynorskLeans();
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

    /**
     * Lingua's relative confidence (best = 1) with the cost proportional to need: the start of the sample
     * ({@value #HEAD_CHARACTERS} characters) against all candidates first; when no language outside the best
     * one's family comes near ({@link #EARLY_RUNNER_UP}) that is the answer, else the whole sample is scored
     * against the languages the start left in contention only.
     */
    private SortedMap<Language, Double> confidence(String sample) {
        if (sample.length() <= HEAD_CHARACTERS * 3 / 2) return detector(ALL).computeLanguageConfidenceValues(sample);
        String head = sample.substring(0, cutAtSpace(sample, HEAD_CHARACTERS));
        SortedMap<Language, Double> early = detector(ALL).computeLanguageConfidenceValues(head);
        if (early.isEmpty()) return detector(ALL).computeLanguageConfidenceValues(sample);
        Language best = early.firstKey();
        double bestValue = early.get(best);
        Set<Language> family = family(best);
        boolean clear = early.entrySet().stream()
                .filter(e -> !family.contains(e.getKey()))
                .allMatch(e -> e.getValue() <= EARLY_RUNNER_UP * bestValue);
        if (clear) return early;
        Set<Language> contenders = java.util.EnumSet.copyOf(family);
        early.forEach((language, value) -> {
            if (value >= STILL_CANDIDATE * bestValue) contenders.add(language);
        });
        return detector(contenders).computeLanguageConfidenceValues(sample);
    }

    /** Bokmål and Nynorsk are one family here: the words between them decide, not the trigrams. */
    private static Set<Language> family(Language language) {
        return language == Language.BOKMAL || language == Language.NYNORSK
                ? java.util.EnumSet.of(Language.BOKMAL, Language.NYNORSK) : java.util.EnumSet.of(language);
    }

    private LanguageDetector detector(Set<Language> candidates) {
        Set<Language> key = candidates.size() < 2 ? ALL : java.util.EnumSet.copyOf(candidates);
        return detectors.computeIfAbsent(key, languages -> LanguageDetectorBuilder
                .fromLanguages(languages.toArray(Language[]::new)).withLowAccuracyMode().build());
    }

    /** The words of a text that belong to one written standard only: Bokmål's and Nynorsk's, counted once. */
    private record StandardWords(int bokmal, int nynorsk) {

        static StandardWords count(String text) {
            int bokmal = 0;
            int nynorsk = 0;
            var words = WORD.matcher(text.toLowerCase(Locale.ROOT));
            while (words.find()) {
                String word = words.group();
                boolean b = BOKMAL_ONLY.contains(word) || word.length() >= 6 && BOKMAL_ENDING.matcher(word).matches();
                boolean n = NYNORSK_ONLY.contains(word) || word.length() >= 6 && NYNORSK_ENDING.matcher(word).matches();
                if (b && !n) bokmal++;
                else if (n && !b) nynorsk++;
            }
            return new StandardWords(bokmal, nynorsk);
        }

        /** "nb" or "nn" when the words lean clearly (at least 3 to 1, and 2 words) to one standard, else null. */
        String clearLean() {
            if (bokmal >= 2 && bokmal >= 3 * nynorsk) return "nb";
            if (nynorsk >= 2 && nynorsk >= 3 * bokmal) return "nn";
            return null;
        }

        /**
         * Bokmål or Nynorsk when the words do not lean clearly ({@link #clearLean}): the standard with more of its
         * own words, and Bokmål when neither has more. Lingua's trigrams are not asked: between the two they follow
         * spelling variants both standards allow (radical Bokmål "boka", "kasta" reads as Nynorsk), and short Bokmål
         * texts came out Nynorsk. Bokmål is the main written standard of about 87 % of pupils
         * (Utdanningsdirektoratet, Grunnskolens informasjonssystem), so a text showing nothing of Nynorsk is Bokmål.
         */
        String bokmalUnlessNynorskLeans() {
            return nynorsk > bokmal ? "nn" : "nb";
        }
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
