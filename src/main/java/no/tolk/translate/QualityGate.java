package no.tolk.translate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.tolk.extract.LanguageIdentifier;

/**
 * Checks a translated article segment by segment. Errors (the article goes to review): a segment empty,
 * untranslated or in the wrong language, a number, date, protected name or placeholder lost. Warnings:
 * a glossary term not used, an implausible length ratio.
 */
public class QualityGate {

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[ \u00a0]\\d{3}(?!\\d)|[.,]\\d+)*");
    private static final Pattern PLACEHOLDER = ProtectedSegment.PLACEHOLDER;
    /** Shorter text is too little for language identification to be trusted. */
    private static final int MIN_CHARACTERS_FOR_LANGUAGE = 40;
    private static final Map<String, String> MONTHS = Map.ofEntries(
            Map.entry("januar", "january"), Map.entry("februar", "february"), Map.entry("mars", "march"),
            Map.entry("april", "april"), Map.entry("mai", "may"), Map.entry("juni", "june"), Map.entry("juli", "july"),
            Map.entry("august", "august"), Map.entry("september", "september"), Map.entry("oktober", "october"),
            Map.entry("november", "november"), Map.entry("desember", "december"));
    private static final Pattern DATE = Pattern.compile("\\b(\\d{1,2})\\.\\s+(" + String.join("|", MONTHS.keySet()) + ")\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern WORD = Pattern.compile("[^\\p{L}']+");
    private static final Set<String> ENGLISH_WORDS = Set.of("the", "and", "of", "to", "is", "in", "that", "for", "with", "on",
            "are", "was", "it", "be", "by", "have", "has", "not", "this", "from", "will", "were", "been", "they", "their");
    private static final Set<String> NORWEGIAN_WORDS = Set.of("og", "er", "det", "på", "som", "en", "et", "til", "av", "med",
            "har", "ikke", "at", "de", "den", "vi", "skal", "kan", "fra", "om", "også", "ble", "blir", "seg", "var");

    /** Norway's two written standards (and "no" from older data). */
    private static final Set<String> NORWEGIAN = Set.of("nb", "nn", "no");

    private final LanguageIdentifier languages;

    public QualityGate(LanguageIdentifier languages) {
        this.languages = languages;
    }

    /** A segment as checked: what was sent, what the engine returned (placeholders intact) and the final text. */
    public record CheckedSegment(ProtectedSegment source, String engineText, String finalText, boolean human) {
    }

    public record SegmentFindings(String segmentId, List<QaFinding> findings) {
        public boolean hasErrors() {
            return findings.stream().anyMatch(QaFinding::isError);
        }
    }

    /** Checks a segment translated from Bokmål. */
    public SegmentFindings check(CheckedSegment segment, String targetLanguage, Map<String, String> glossary,
                                 Set<String> protectedTerms) {
        return check(segment, "nb", targetLanguage, glossary, protectedTerms);
    }

    /**
     * Checks a segment translated from {@code sourceLanguage} into {@code targetLanguage} (ISO 639-1). Between
     * Bokmål and Nynorsk, an unchanged segment and a segment the detector takes for the other written standard
     * are warnings, not errors: many sentences are spelt alike in both, and trigram statistics confuse the two
     * on short text (see {@link LanguageIdentifier}).
     */
    public SegmentFindings check(CheckedSegment segment, String sourceLanguage, String targetLanguage,
                                 Map<String, String> glossary, Set<String> protectedTerms) {
        boolean closePair = NORWEGIAN.contains(sourceLanguage) && NORWEGIAN.contains(targetLanguage);
        String id = segment.source().id();
        List<QaFinding> findings = new ArrayList<>();
        String source = segment.source().source();
        String target = segment.finalText() == null ? "" : segment.finalText();
        if (target.isBlank()) {
            findings.add(error("empty", id + ": the translation is empty"));
            return new SegmentFindings(id, findings);
        }
        placeholders(segment, findings);
        if (target.strip().equals(source.strip()) && source.codePointCount(0, source.length()) >= 20) {
            findings.add(new QaFinding(closePair ? QaFinding.WARNING : QaFinding.ERROR, "untranslated",
                    id + ": the translation is the source text unchanged"));
        } else if (ownWords(segment).length() >= MIN_CHARACTERS_FOR_LANGUAGE) {
            String detected = language(ownWords(segment), targetLanguage);
            if (!detected.equals(targetLanguage) && !detected.equals("und")) {
                // a translator's choice is trusted more than the detector on borderline text
                boolean lenient = segment.human() || closePair && NORWEGIAN.contains(detected);
                findings.add(new QaFinding(lenient ? QaFinding.WARNING : QaFinding.ERROR, "language",
                        id + ": the translation looks like '" + detected + "', not '" + targetLanguage + "'"));
            }
        }
        numbers(id, source, target, findings);
        dates(id, source, target, targetLanguage, findings);
        for (String term : protectedTerms) {
            if (containsWord(source, term, false) && !target.contains(term)) {
                findings.add(error("protected-term", id + ": '" + term + "' is missing from the translation"));
            }
        }
        glossary.forEach((term, translation) -> {
            if (containsWordStart(source, term) && !containsWordStart(target, translation)) {
                findings.add(new QaFinding(QaFinding.WARNING, "glossary",
                        id + ": '" + term + "' should be translated as '" + translation + "'"));
            }
        });
        double ratio = (double) target.length() / Math.max(1, source.length());
        if (source.length() >= 20 && (ratio < 0.5 || ratio > 2.0)) {
            findings.add(new QaFinding(QaFinding.WARNING, "length",
                    id + ": the translation is " + Math.round(ratio * 100) + "% of the source length"));
        }
        return new SegmentFindings(id, findings);
    }

    /**
     * Clearly English text (far more English than Norwegian function words) skips the statistical
     * detector, which costs about a millisecond per segment; anything doubtful goes to the detector.
     */
    private String language(String text, String targetLanguage) {
        if (targetLanguage.equals("en")) {
            int english = 0;
            int norwegian = 0;
            for (String word : WORD.split(text.toLowerCase(Locale.ROOT))) {
                if (ENGLISH_WORDS.contains(word)) english++;
                if (NORWEGIAN_WORDS.contains(word)) norwegian++;
            }
            if (english >= 2 && english > 3 * norwegian) return "en";
        }
        return languages.identify(text);
    }

    /** The translated text without protected names and links, which stay in the source language. */
    private static String ownWords(CheckedSegment segment) {
        String text = segment.engineText() == null ? "" : segment.engineText();
        return PLACEHOLDER.matcher(text).replaceAll(" ").strip();
    }

    private static void placeholders(CheckedSegment segment, List<QaFinding> findings) {
        String id = segment.source().id();
        List<String> returned = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(segment.engineText() == null ? "" : segment.engineText());
        while (matcher.find()) returned.add(matcher.group(1));
        Set<String> expected = segment.source().placeholders().keySet();
        Set<String> unique = new LinkedHashSet<>(returned);
        if (!unique.equals(expected) || returned.size() != unique.size()) {
            findings.add(error("markup", id + ": placeholders sent " + expected + ", returned " + returned));
        }
    }

    private static void numbers(String id, String source, String target, List<QaFinding> findings) {
        Set<String> targetNumbers = digitsOf(target);
        for (String number : digitsOf(source)) {
            if (!targetNumbers.contains(number)) {
                findings.add(error("number", id + ": the number " + number + " is missing from the translation"));
            }
        }
    }

    private static void dates(String id, String source, String target, String targetLanguage, List<QaFinding> findings) {
        if (!targetLanguage.equals("en")) return;
        Matcher date = DATE.matcher(source);
        String lowerTarget = target.toLowerCase(Locale.ROOT);
        while (date.find()) {
            String month = MONTHS.get(date.group(2).toLowerCase(Locale.ROOT));
            if (!lowerTarget.contains(month)) {
                findings.add(error("date", id + ": the date '" + date.group() + "' has no '" + month + "' in the translation"));
            }
        }
    }

    /** Numbers as digit strings, so 12 000 and 12,000 (or 1,5 and 1.5) count as the same number. */
    private static Set<String> digitsOf(String text) {
        Set<String> numbers = new LinkedHashSet<>();
        Matcher matcher = NUMBER.matcher(text);
        while (matcher.find()) numbers.add(matcher.group().replaceAll("[^0-9]", ""));
        return numbers;
    }

    private static boolean containsWord(String text, String word, boolean ignoreCase) {
        if (!ignoreCase && !text.contains(word)) return false;
        return (ignoreCase ? WholeWords.ignoringCase(word) : WholeWords.exact(word)).matcher(text).find();
    }

    /** Inflected forms count: "klyngen" uses "klynge", "clusters" uses "cluster". */
    private static boolean containsWordStart(String text, String word) {
        if (!text.toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT))) return false;
        return WholeWords.startingWith(word).matcher(text).find();
    }

    private static QaFinding error(String check, String message) {
        return new QaFinding(QaFinding.ERROR, check, message);
    }
}
