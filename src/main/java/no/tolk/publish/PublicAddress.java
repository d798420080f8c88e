package no.tolk.publish;

/**
 * Whether a CMS address may be announced: only http(s) addresses are. The static site without
 * {@code tolk.cms.static.base-url} reports its local preview file ({@code file:///...}), which must never reach
 * a social post: those posts wait, with {@link #WAITING} as their reason, until the base URL is set.
 */
public final class PublicAddress {

    /** The reason shown in status and on the desk for posts that wait for a public address. */
    public static final String WAITING = "waits for a public address of the site: set tolk.cms.static.base-url"
            + " (the address the built site is served at), then 'tolk retry ID'";

    private PublicAddress() {
    }

    public static boolean isPublic(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://"));
    }
}
