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
 * @param authors byline (as the article gives it, compared ignoring case) to the WordPress user to credit: a user id, or a
 *        login/slug ({@code tolk.cms.wordpress.authors = Kari Nordmann=kari; Ola Hansen=7}); bylines not listed are
 *        looked up by display name
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
        Duration requestTimeout,
        java.util.Map<String, String> authors) {

    /** Without an author mapping: bylines are looked up by display name only. */
    public WordPressSettings(URI baseUrl, String user, String applicationPassword, String status, LocalTime futureTime,
            ZoneId siteZone, boolean polylang, List<String> categories, boolean uploadImages, Path imageDir,
            long maxImageBytes, Duration connectTimeout, Duration requestTimeout) {
        this(baseUrl, user, applicationPassword, status, futureTime, siteZone, polylang, categories, uploadImages, imageDir,
                maxImageBytes, connectTimeout, requestTimeout, java.util.Map.of());
    }

    /**
     * {@code tolk.cms.wordpress.authors}: {@code byline=user} pairs separated by {@code ;} (bylines hold commas), keys
     * lower-cased; blank gives an empty map.
     *
     * @throws IllegalArgumentException for a pair without {@code =} or with an empty side, naming it
     */
    public static java.util.Map<String, String> authors(String setting) {
        java.util.Map<String, String> authors = new java.util.LinkedHashMap<>();
        if (setting == null || setting.isBlank()) return authors;
        for (String pair : setting.split(";")) {
            if (pair.isBlank()) continue;
            int equals = pair.lastIndexOf('=');
            String byline = equals < 0 ? "" : pair.substring(0, equals).strip();
            String user = equals < 0 ? "" : pair.substring(equals + 1).strip();
            if (byline.isEmpty() || user.isEmpty()) {
                throw new IllegalArgumentException("tolk.cms.wordpress.authors: '" + pair.strip() + "' is not 'byline=user'"
                        + " (a WordPress user id or login), e.g. 'Kari Nordmann=kari; Ola Hansen=7'");
            }
            authors.put(byline.toLowerCase(Locale.ROOT), user);
        }
        return authors;
    }

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
        authors = authors == null ? java.util.Map.of() : java.util.Map.copyOf(authors);
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
