package no.tolk.publish.cms;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/** Chooses the {@link CmsPublisher} that {@code tolk.cms.type} names. */
public final class CmsPublishers {

    public static final String WORDPRESS_USER = "WORDPRESS_USER";
    public static final String WORDPRESS_APP_PASSWORD = "WORDPRESS_APP_PASSWORD";

    private CmsPublishers() {
    }

    public static CmsPublisher create(CmsSettings settings, Map<String, String> environment, Clock clock) {
        String type = CmsSettings.blank(settings.type()) ? "static" : settings.type().strip().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "static", "hugo" -> new StaticSitePublisher(settings.siteDir(), settings.contentDir(), settings.staticBaseUrl());
            case "wordpress" -> new WordPressPublisher(wordPress(settings, environment), clock);
            default -> throw new IllegalArgumentException("tolk.cms.type must be static or wordpress, not " + settings.type());
        };
    }

    static WordPressSettings wordPress(CmsSettings settings, Map<String, String> environment) {
        if (CmsSettings.blank(settings.wordPressUrl())) {
            throw new IllegalArgumentException("tolk.cms.type=wordpress needs tolk.cms.wordpress.url (env TOLK_CMS_WORDPRESS_URL)");
        }
        return new WordPressSettings(
                URI.create(settings.wordPressUrl().strip()),
                EnvironmentSecret.read(environment, WORDPRESS_USER).orElse(null),
                EnvironmentSecret.read(environment, WORDPRESS_APP_PASSWORD).orElse(null),
                settings.wordPressStatus(),
                CmsSettings.blank(settings.wordPressFutureTime()) ? null : LocalTime.parse(settings.wordPressFutureTime().strip()),
                CmsSettings.blank(settings.wordPressTimezone()) ? null : ZoneId.of(settings.wordPressTimezone().strip()),
                settings.wordPressPolylang(),
                CmsSettings.blank(settings.wordPressCategories()) ? null
                        : Arrays.stream(settings.wordPressCategories().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
                settings.wordPressUploadImages(),
                settings.imageDir(),
                settings.wordPressMaxImageBytes(),
                Duration.ofMillis(settings.wordPressConnectTimeoutMillis()),
                Duration.ofMillis(settings.wordPressRequestTimeoutMillis()),
                WordPressSettings.authors(settings.wordPressAuthors()));
    }
}
