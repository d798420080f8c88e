package no.tolk.translate.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Apertium's marks in translated text, and the text without them. Apertium puts one character directly
 * before a word it could not handle (Apertium wiki, "Apertium stream format" and "Unknown words"):
 * {@code *} the word is not in the source dictionary and is copied unchanged; {@code @} the word is in the
 * source dictionary but has no translation in the bilingual one (the source lemma is shown); {@code #} the
 * target form could not be generated (the target lemma is shown).
 *
 * <p>The same characters also occur in ordinary text ("#valg2025", "@ntb", a footnote "*"). Apertium
 * keeps those and adds its mark after them ("#*valg2025"), so the run of these characters before a word is
 * compared with the one before the same word in the source (see {@code ownPart}).
 */
public final class ApertiumMarks {

    /** A run of mark characters at the start of a word (not after a letter or digit). */
    private static final Pattern RUN = Pattern.compile("(?<![\\p{L}\\p{N}_])([*#@]+)([\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}_'’-]*)");

    /** What a mark says about one word. */
    public enum Kind {
        /** {@code *}: not in the source dictionary, copied unchanged. */
        UNKNOWN('*'),
        /** {@code @}: no translation in the bilingual dictionary. */
        UNTRANSLATED('@'),
        /** {@code #}: the target form could not be generated. */
        UNGENERATED('#');

        private final char symbol;

        Kind(char symbol) {
            this.symbol = symbol;
        }

        public char symbol() {
            return symbol;
        }

        static Kind of(char symbol) {
            return switch (symbol) {
                case '*' -> UNKNOWN;
                case '@' -> UNTRANSLATED;
                default -> UNGENERATED;
            };
        }
    }

    /** One marked word, as it stands in the text after the mark is removed. */
    public record Mark(Kind kind, String word) {
    }

    /** Text with the marks removed, and the marks in text order. */
    public record Stripped(String text, List<Mark> marks) {
        public long count(Kind kind) {
            return marks.stream().filter(mark -> mark.kind() == kind).count();
        }
    }

    private ApertiumMarks() {
    }

    /**
     * @param source     the text as sent to Apertium (its own {@code * # @} before words are kept)
     * @param translated Apertium's output with marks
     */
    public static Stripped strip(String source, String translated) {
        Map<Character, Integer> own = new HashMap<>();
        Matcher inSource = RUN.matcher(source);
        while (inSource.find()) {
            for (char c : inSource.group(1).toCharArray()) own.merge(c, 1, Integer::sum);
        }
        List<Mark> marks = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        Matcher matcher = RUN.matcher(translated);
        while (matcher.find()) {
            String run = matcher.group(1);
            String word = matcher.group(2);
            String kept = ownPart(source, run, word, own);
            if (kept.length() < run.length()) marks.add(new Mark(Kind.of(run.charAt(run.length() - 1)), word));
            matcher.appendReplacement(out, Matcher.quoteReplacement(kept + word));
        }
        matcher.appendTail(out);
        return new Stripped(out.toString(), List.copyOf(marks));
    }

    /**
     * The part of {@code run} that is the text's own. A word copied from the source (unknown words always are)
     * shows what stood before it there; otherwise the last of two or more characters is the mark, and a single
     * character is the text's own while the source has unused occurrences of it.
     */
    private static String ownPart(String source, String run, String word, Map<Character, Integer> own) {
        Matcher before = Pattern.compile("(?<![\\p{L}\\p{N}_])([*#@]*)" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])").matcher(source);
        String kept = null;
        while (before.find()) {
            String sourceRun = before.group(1);
            if (run.equals(sourceRun)) {
                kept = run;
                break;
            }
            if (run.length() == sourceRun.length() + 1 && run.startsWith(sourceRun)) kept = sourceRun;
        }
        if (kept == null) {
            char last = run.charAt(run.length() - 1);
            kept = run.length() == 1 && own.getOrDefault(last, 0) > 0 ? run : run.substring(0, run.length() - 1);
        }
        for (char c : kept.toCharArray()) own.merge(c, -1, Integer::sum);
        return kept;
    }

}
