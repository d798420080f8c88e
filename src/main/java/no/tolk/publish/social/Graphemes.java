package no.tolk.publish.social;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into user-perceived characters (extended grapheme clusters): "é" written as e + U+0301,
 * a flag, a skin-toned emoji and a ZWJ family each count as one.
 *
 * <p>Uses the regex {@code \X} rather than {@code BreakIterator.getCharacterInstance()}: before
 * JDK 20 (JDK-8291660) the BreakIterator splits ZWJ sequences, flags and emoji modifiers into
 * several characters, while {@code \X} follows Unicode's extended grapheme rules on Java 17.
 */
final class Graphemes {

    private static final Pattern CLUSTER = Pattern.compile("\\X");

    private Graphemes() {
    }

    static List<String> of(CharSequence text) {
        List<String> clusters = new ArrayList<>();
        Matcher matcher = CLUSTER.matcher(text);
        while (matcher.find()) clusters.add(matcher.group());
        return clusters;
    }

    static int count(CharSequence text) {
        int count = 0;
        Matcher matcher = CLUSTER.matcher(text);
        while (matcher.find()) count++;
        return count;
    }
}
