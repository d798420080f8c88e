package no.tolk.extract;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Whitespace and comparison rules shared by the readers and the assembler. */
final class Text {

    private static final Pattern LINE_BREAKS = Pattern.compile("\\n+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Text() {
    }

    /**
     * NFC, no-break spaces as spaces, soft hyphens and zero-width characters removed, runs of spaces and
     * tabs as one space, no space next to a line break, nothing around the text. One pass, one copy.
     */
    static String clean(String text) {
        if (text == null) return "";
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(composed.length());
        boolean space = false;
        for (int i = 0; i < composed.length(); i++) {
            char c = composed.charAt(i);
            switch (c) {
                case '\u00AD', '\u200B', '\uFEFF' -> { }
                case ' ', '\t', '\u000B', '\f', '\r', '\u00A0' -> space = true;
                case '\n' -> {
                    space = false;
                    if (out.length() > 0) out.append('\n');
                }
                default -> {
                    if (space && out.length() > 0 && out.charAt(out.length() - 1) != '\n') out.append(' ');
                    space = false;
                    out.append(c);
                }
            }
        }
        return out.toString().strip();
    }

    /** Case- and whitespace-insensitive form for equality checks. */
    static String key(String text) {
        String lower = clean(text).toLowerCase(Locale.ROOT);
        return lower.indexOf('\n') < 0 ? lower : LINE_BREAKS.matcher(lower).replaceAll(" ");
    }

    static Set<String> words(String text) {
        return wordsOfKey(key(text));
    }

    /** {@link #words} of a text that already went through {@link #key}. */
    static Set<String> wordsOfKey(String key) {
        return Arrays.stream(NON_WORD.split(key))
                .filter(word -> !word.isEmpty())
                .collect(Collectors.toSet());
    }

    /**
     * Whether the two texts share at least {@code share} of the words of the one with more words;
     * stops at the first missing word that makes it impossible.
     */
    static boolean overlapsAtLeast(Set<String> wordsA, Set<String> wordsB, double share) {
        int larger = Math.max(wordsA.size(), wordsB.size());
        int smaller = Math.min(wordsA.size(), wordsB.size());
        if (smaller == 0) return false;
        int misses = smaller - (int) Math.ceil(share * larger - 1e-9);
        if (misses < 0) return false;
        Set<String> fewer = wordsA.size() == smaller ? wordsA : wordsB;
        Set<String> more = fewer == wordsA ? wordsB : wordsA;
        for (String word : fewer) {
            if (!more.contains(word) && --misses < 0) return false;
        }
        return true;
    }

    static int wordCount(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : WHITESPACE.split(stripped).length;
    }
}
