package no.tolk.publish.social;

import java.util.Arrays;
import java.util.Locale;

/** The social services Tolk knows, each with its own way of counting a post's length. */
public enum Platform {

    /** 500 is the default instance limit ({@code configuration.statuses.max_characters}); URLs count 23. */
    MASTODON(new GraphemeRule(500, 23, 0)),
    /** {@code app.bsky.feed.post}: maxGraphemes 300, maxLength 3000 bytes; the URL is visible text. */
    BLUESKY(new GraphemeRule(300, -1, 3000)),
    X(new WeightedRule(280, 23)),
    LINKEDIN(new Utf16Rule(3000)),
    /** Facebook takes ~63,000 characters; 500 keeps an announcement readable in the feed. */
    FACEBOOK(new GraphemeRule(500, -1, 0));

    private final LengthRule defaultRule;

    Platform(LengthRule defaultRule) {
        this.defaultRule = defaultRule;
    }

    public LengthRule defaultRule() {
        return defaultRule;
    }

    /** Lower-case configuration name: mastodon, bluesky, x, linkedin, facebook. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Platform named(String name) {
        return Arrays.stream(values())
                .filter(platform -> platform.configName().equals(name.trim().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown social platform '" + name
                        + "'; known: mastodon, bluesky, x, linkedin, facebook"));
    }
}
