package no.tolk.publish.cms;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How Tolk talks to one WordPress site.
 *
 * @param status {@code draft}, {@code pending}, {@code publish}, {@code private} or {@code future}
 * @param futureTime for {@code future}: the site-local time of day the post goes live (next occurrence)
 * @param categories category names every post gets, created when missing
 * @param imageDir where relative local image paths are looked up
 */
public record WordPressSettings(
        URI baseUrl,
        String user,
        String applicationPassword,
        String status,
        LocalTime futureTime,
        ZoneId siteZone,
        boolean polylang,
        List<String> categories,
        boolean uploadImages,
        Path imageDir,
        long maxImageBytes,
        Duration connectTimeout,
        Duration requestTimeout) {

    static final Set<String> STATUSES = Set.of("draft", "pending", "publish", "private", "future");

    public WordPressSettings {
        if (baseUrl == null || baseUrl.getScheme() == null || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("tolk.cms.wordpress.url must be an absolute http(s) address, e.g. https://example.com");
        }
        if (user == null || user.isBlank() || applicationPassword == null || applicationPassword.isBlank()) {
            throw new IllegalArgumentException("WordPress credentials missing: set WORDPRESS_USER and WORDPRESS_APP_PASSWORD (or WORDPRESS_USER_FILE / WORDPRESS_APP_PASSWORD_FILE)");
        }
        status = status == null || status.isBlank() ? "draft" : status.strip().toLowerCase(Locale.ROOT);
        if (!STATUSES.contains(status)) throw new IllegalArgumentException("tolk.cms.wordpress.status must be one of " + STATUSES + ", not " + status);
        if (futureTime == null) futureTime = LocalTime.of(6, 0);
        if (siteZone == null) siteZone = ZoneId.of("Europe/Oslo");
        categories = categories == null ? List.of() : List.copyOf(categories);
        if (connectTimeout == null) connectTimeout = Duration.ofSeconds(10);
        if (requestTimeout == null) requestTimeout = Duration.ofSeconds(60);
    }

    /** The site address ending in {@code /}, against which the REST root is resolved. */
    URI siteBase() {
        String base = baseUrl.toString().replaceAll("/+$", "");
        return URI.create(base + "/");
    }

    @Override
    public String toString() {
        return "WordPressSettings[baseUrl=" + baseUrl + ", user=" + user + ", status=" + status + ", polylang=" + polylang + "]";
    }
}
