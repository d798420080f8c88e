package no.tolk.publish.cms;

import java.nio.file.Path;
import java.time.Clock;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.PropertyInject;

/** Wires the CMS stage: {@code cmsPublisher} (chosen by {@code tolk.cms.type}) and {@code reviewPreview}. */
public class CmsConfiguration implements CamelConfiguration {

    @PropertyInject("tolk.home")
    private String home;
    @PropertyInject(value = "tolk.cms.type", defaultValue = "static")
    private String type;
    @PropertyInject(value = "tolk.cms.static.site-dir", defaultValue = "")
    private String siteDir;
    @PropertyInject(value = "tolk.cms.static.content-dir", defaultValue = "")
    private String contentDir;
    @PropertyInject(value = "tolk.cms.static.base-url", defaultValue = "")
    private String baseUrl;
    @PropertyInject(value = "tolk.cms.wordpress.url", defaultValue = "")
    private String wordPressUrl;
    @PropertyInject(value = "tolk.cms.wordpress.status", defaultValue = "draft")
    private String wordPressStatus;
    @PropertyInject(value = "tolk.cms.wordpress.future-time", defaultValue = "06:00")
    private String futureTime;
    @PropertyInject(value = "tolk.cms.wordpress.timezone", defaultValue = "Europe/Oslo")
    private String timezone;
    @PropertyInject(value = "tolk.cms.wordpress.polylang", defaultValue = "false")
    private boolean polylang;
    @PropertyInject(value = "tolk.cms.wordpress.categories", defaultValue = "")
    private String categories;
    @PropertyInject(value = "tolk.cms.wordpress.upload-images", defaultValue = "true")
    private boolean uploadImages;
    @PropertyInject(value = "tolk.cms.wordpress.image-dir", defaultValue = "")
    private String imageDir;
    @PropertyInject(value = "tolk.cms.wordpress.max-image-bytes", defaultValue = "10485760")
    private long maxImageBytes;
    @PropertyInject(value = "tolk.cms.wordpress.connect-timeout-ms", defaultValue = "10000")
    private long connectTimeoutMillis;
    @PropertyInject(value = "tolk.cms.wordpress.request-timeout-ms", defaultValue = "60000")
    private long requestTimeoutMillis;
    @PropertyInject(value = "tolk.cms.wordpress.authors", defaultValue = "")
    private String authors;

    CmsSettings settings() {
        return new CmsSettings(Path.of(home).toAbsolutePath().normalize(), type, siteDir, contentDir, baseUrl,
                wordPressUrl, wordPressStatus, futureTime, timezone, polylang, categories, uploadImages, imageDir,
                maxImageBytes, connectTimeoutMillis, requestTimeoutMillis, authors);
    }

    @BindToRegistry
    public CmsPublisher cmsPublisher() {
        CmsPublisher publisher = CmsPublishers.create(settings(), System.getenv(), Clock.systemDefaultZone());
        if (publisher instanceof WordPressPublisher wordPress) checkAtStart(wordPress);
        return publisher;
    }

    /**
     * Tells ops at start, in the log, when WordPress refuses the user or application password, instead of at the first
     * publication (hours later in the nightly mode). In the background: a WordPress that is down must not delay the start;
     * the check is repeated before the first publication anyway.
     */
    private static void checkAtStart(WordPressPublisher wordPress) {
        Thread check = new Thread(() -> {
            try {
                wordPress.checkCredentials();
            } catch (CmsRejectedException refused) {
                org.slf4j.LoggerFactory.getLogger(CmsConfiguration.class).error("{}", refused.getMessage());
            } catch (CmsException unreachable) {
                org.slf4j.LoggerFactory.getLogger(CmsConfiguration.class).warn("WordPress could not be asked at start whether it"
                        + " accepts Tolk's credentials: {}", unreachable.getMessage());
            }
        }, "wordpress-credentials-check");
        check.setDaemon(true);
        check.start();
    }

    @BindToRegistry
    public ReviewPreview reviewPreview() {
        return new ReviewPreview(settings().siteDir());
    }
}
