package no.tolk.extract;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Whitespace and comparison rules shared by the readers and the assembler. */
final class Text {

    private Text() {
    }

    static String clean(String text) {
        if (text == null) return "";
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC)
                .replace('\u00A0', ' ')
                .replace("\u00AD", "")
                .replace("\u200B", "")
                .replace("\uFEFF", "");
        return normalized.replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" *\\n *", "\n").strip();
    }

    /** Case- and whitespace-insensitive form for equality checks. */
    static String key(String text) {
        return clean(text).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    static Set<String> words(String text) {
        return Arrays.stream(key(text).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> !word.isEmpty())
                .collect(Collectors.toSet());
    }

    /** Share of words two texts have in common, relative to the longer one (1.0 = same words). */
    static double overlap(String a, String b) {
        Set<String> wordsA = words(a);
        Set<String> wordsB = words(b);
        if (wordsA.isEmpty() || wordsB.isEmpty()) return 0;
        long common = wordsA.stream().filter(wordsB::contains).count();
        return (double) common / Math.max(wordsA.size(), wordsB.size());
    }

    static int wordCount(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }
}
