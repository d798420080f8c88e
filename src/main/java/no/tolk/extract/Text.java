package no.tolk.extract;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Whitespace and comparison rules shared by the readers and the assembler. */
final class Text {

    private static final Pattern HORIZONTAL_SPACE = Pattern.compile("[ \\t\\x0B\\f\\r]+");
    private static final Pattern SPACE_AROUND_NEWLINE = Pattern.compile(" *\\n *");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Text() {
    }

    static String clean(String text) {
        if (text == null) return "";
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC)
                .replace('\u00A0', ' ')
                .replace("\u00AD", "")
                .replace("\u200B", "")
                .replace("\uFEFF", "");
        String spaced = HORIZONTAL_SPACE.matcher(normalized).replaceAll(" ");
        return SPACE_AROUND_NEWLINE.matcher(spaced).replaceAll("\n").strip();
    }

    /** Case- and whitespace-insensitive form for equality checks. */
    static String key(String text) {
        return WHITESPACE.matcher(clean(text).toLowerCase(Locale.ROOT)).replaceAll(" ");
    }

    static Set<String> words(String text) {
        return Arrays.stream(NON_WORD.split(key(text)))
                .filter(word -> !word.isEmpty())
                .collect(Collectors.toSet());
    }

    /** Share of words two texts have in common, relative to the longer one (1.0 = same words). */
    static double overlap(String a, String b) {
        return overlap(words(a), words(b));
    }

    static double overlap(Set<String> wordsA, Set<String> wordsB) {
        if (wordsA.isEmpty() || wordsB.isEmpty()) return 0;
        long common = wordsA.stream().filter(wordsB::contains).count();
        return (double) common / Math.max(wordsA.size(), wordsB.size());
    }

    static int wordCount(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : WHITESPACE.split(stripped).length;
    }
}
