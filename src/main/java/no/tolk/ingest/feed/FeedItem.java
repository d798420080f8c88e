package no.tolk.ingest.feed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * One entry of an RSS 2.0 or Atom feed, as the feed describes it.
 * {@code content} is {@code content:encoded} (RSS) or {@code <content>} (Atom) when the feed carries the
 * full text; {@code summary} is the description or Atom summary.
 */
public record FeedItem(
        String feedUrl,
        String guid,
        String link,
        String title,
        String author,
        Instant published,
        Instant updated,
        List<String> categories,
        String content,
        String summary) {

    public FeedItem {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** Identity across polls: the guid (Atom id), else the link; never a date or a position in the feed. */
    public String key() {
        return "feed:" + (guid != null && !guid.isBlank() ? guid.strip() : link.strip());
    }

    public boolean hasContent() {
        return content != null && !content.isBlank();
    }

    /**
     * What the feed says about the item, hashed. The publication date is left out so a re-dated item is the same item;
     * without full content, Atom's {@code updated} is the only sign that the linked page changed.
     */
    public String fingerprint() {
        String text = String.join("\n", nonNull(title), nonNull(link),
                hasContent() ? content : nonNull(summary) + "\n" + (updated == null ? "" : updated.toString()));
        return ContentHash.of(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
