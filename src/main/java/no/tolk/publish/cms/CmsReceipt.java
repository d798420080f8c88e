package no.tolk.publish.cms;

import java.time.Instant;

/**
 * Where one language version now lives: the CMS's own id for it (store it and pass it back on the
 * next revision), the address readers and social posts should use, and whether readers can open it yet.
 *
 * @param status the CMS's own status word (WordPress: {@code publish}, {@code future}, {@code draft},
 *        {@code pending}, {@code private}); {@code publish} for CMSs without one
 * @param publicFrom when the address answers the public: {@link Instant#EPOCH} when it already does, the
 *        scheduled time for a scheduled post, null when a person has to publish it first (draft, pending, private)
 */
public record CmsReceipt(String externalId, String url, String status, Instant publicFrom) {

    public CmsReceipt {
        if (externalId == null || externalId.isBlank()) throw new IllegalArgumentException("external id is required");
        if (status == null || status.isBlank()) status = "publish";
    }

    /** A receipt for a version the public can read now. */
    public CmsReceipt(String externalId, String url) {
        this(externalId, url, "publish", Instant.EPOCH);
    }

    /** Whether readers (and social networks' link previews) can open {@link #url()} at {@code now}. */
    public boolean publicAt(Instant now) {
        return publicFrom != null && !publicFrom.isAfter(now);
    }

    /** Why the address is not public yet, for logs and status: e.g. {@code status draft}. */
    public String notPublicReason() {
        return publicFrom == null ? "status " + status + ": a person has to publish it"
                : "status " + status + ", goes live at " + publicFrom;
    }
}
