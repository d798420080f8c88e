package no.tolk.publish.social;

import java.nio.charset.StandardCharsets;

/**
 * Counts grapheme clusters, as Mastodon and Bluesky do.
 *
 * @param urlLength each URL counts this many characters (Mastodon: 23), or -1 to count URLs as written
 * @param maxUtf8Bytes an additional limit in UTF-8 bytes (Bluesky: 3000), or 0 for none
 */
public record GraphemeRule(int limit, int urlLength, int maxUtf8Bytes) implements LengthRule {

    @Override
    public int length(String text) {
        if (urlLength < 0) return Graphemes.count(text);
        int length = 0;
        int from = 0;
        for (int[] span : Links.spans(text)) {
            length += Graphemes.count(text.substring(from, span[0])) + urlLength;
            from = span[1];
        }
        return length + Graphemes.count(text.substring(from));
    }

    @Override
    public boolean fits(String text) {
        return length(text) <= limit
                && (maxUtf8Bytes <= 0 || text.getBytes(StandardCharsets.UTF_8).length <= maxUtf8Bytes);
    }

    @Override
    public String description() {
        String urls = urlLength < 0 ? "" : ", each URL counts " + urlLength;
        String bytes = maxUtf8Bytes <= 0 ? "" : ", at most " + maxUtf8Bytes + " UTF-8 bytes";
        return limit + " graphemes" + urls + bytes;
    }
}
