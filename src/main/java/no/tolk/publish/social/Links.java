package no.tolk.publish.social;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the URLs in a post's text, as the services do before counting them at a fixed length. */
final class Links {

    // trailing sentence punctuation is not part of the link, as in twitter-text and Mastodon
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+?(?=[.,;:!?)\\]]*(?:\\s|$))");

    private Links() {
    }

    /** Start (inclusive) and end (exclusive) UTF-16 indexes of each URL. */
    static List<int[]> spans(String text) {
        List<int[]> spans = new ArrayList<>();
        Matcher matcher = URL.matcher(text);
        while (matcher.find()) spans.add(new int[] {matcher.start(), matcher.end()});
        return spans;
    }
}
