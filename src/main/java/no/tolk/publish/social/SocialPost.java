package no.tolk.publish.social;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One announcement of one article revision on one channel in one language. {@code text} is the
 * exact text to post (already fitted to the channel's {@link LengthRule}); the other fields are its
 * parts, for services that want them separately (link cards, facets, metadata).
 *
 * @param excerpt the lead as it appears in {@code text}, possibly cut with "…", or empty
 * @param published the article's publication date, or null; used for Bluesky's record key
 */
public record SocialPost(
        String articleId,
        int revision,
        String channel,
        String language,
        String title,
        String excerpt,
        URI url,
        List<String> hashtags,
        String text,
        LocalDate published) {

    public SocialPost {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(text, "text");
        title = title == null ? "" : title;
        excerpt = excerpt == null ? "" : excerpt;
        hashtags = hashtags == null ? List.of() : List.copyOf(hashtags);
    }

    /** Same article, revision, channel and language give the same key, so a retried request is recognised. */
    public String idempotencyKey() {
        String identity = "tolk:" + articleId + ":r" + revision + ":" + channel + ":" + language;
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** {@code <articleId>-r<revision>-<language>}: the name this post goes by in files and logs. */
    public String slug() {
        return articleId + "-r" + revision + "-" + language;
    }
}
