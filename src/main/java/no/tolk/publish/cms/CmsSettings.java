package no.tolk.publish.cms;

import java.nio.file.Path;

/**
 * The {@code tolk.cms.*} configuration as read, before a publisher is chosen. Blank paths mean
 * "the default under the home folder".
 */
public record CmsSettings(
        Path home,
        String type,
        String staticSiteDir,
        String staticContentDir,
        String staticBaseUrl,
        String wordPressUrl,
        String wordPressStatus,
        String wordPressFutureTime,
        String wordPressTimezone,
        boolean wordPressPolylang,
        String wordPressCategories,
        boolean wordPressUploadImages,
        String wordPressImageDir,
        long wordPressMaxImageBytes,
        long wordPressConnectTimeoutMillis,
        long wordPressRequestTimeoutMillis,
        String wordPressAuthors) {

    /** Without {@code tolk.cms.wordpress.authors}. */
    public CmsSettings(Path home, String type, String staticSiteDir, String staticContentDir, String staticBaseUrl,
            String wordPressUrl, String wordPressStatus, String wordPressFutureTime, String wordPressTimezone,
            boolean wordPressPolylang, String wordPressCategories, boolean wordPressUploadImages, String wordPressImageDir,
            long wordPressMaxImageBytes, long wordPressConnectTimeoutMillis, long wordPressRequestTimeoutMillis) {
        this(home, type, staticSiteDir, staticContentDir, staticBaseUrl, wordPressUrl, wordPressStatus, wordPressFutureTime,
                wordPressTimezone, wordPressPolylang, wordPressCategories, wordPressUploadImages, wordPressImageDir,
                wordPressMaxImageBytes, wordPressConnectTimeoutMillis, wordPressRequestTimeoutMillis, "");
    }

    /** {@code tolk.cms.static.site-dir}, else {@code <home>/site}. */
    public Path siteDir() {
        return blank(staticSiteDir) ? home.resolve("site") : home.resolve(staticSiteDir.strip());
    }

    /** {@code tolk.cms.static.content-dir}, else {@code <site>/content}. */
    public Path contentDir() {
        return blank(staticContentDir) ? siteDir().resolve("content") : home.resolve(staticContentDir.strip());
    }

    Path imageDir() {
        return blank(wordPressImageDir) ? home.resolve("images") : home.resolve(wordPressImageDir.strip());
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
