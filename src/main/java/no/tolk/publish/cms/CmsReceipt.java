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
 *        or when the address does not answer the public although the CMS calls the post published
 * @param note why the address is not public when the status alone does not say it (e.g. the address answers 404),
 *        or null
 */
public record CmsReceipt(String externalId, String url, String status, Instant publicFrom, String note) {

    /** WordPress's status of a scheduled post; it stays so until WordPress itself publishes the post. */
    public static final String SCHEDULED = "future";

    public CmsReceipt {
        if (externalId == null || externalId.isBlank()) throw new IllegalArgumentException("external id is required");
        if (status == null || status.isBlank()) status = "publish";
    }

    public CmsReceipt(String externalId, String url, String status, Instant publicFrom) {
        this(externalId, url, status, publicFrom, null);
    }

    /** A receipt for a version the public can read now. */
    public CmsReceipt(String externalId, String url) {
        this(externalId, url, "publish", Instant.EPOCH);
    }

    /**
     * Whether readers (and social networks' link previews) can open {@link #url()} at {@code now}. A scheduled post
     * ({@link #SCHEDULED}) never is, whatever its date says: WordPress publishes it from WP-cron, which runs only when
     * the site is visited or a system cron calls {@code wp-cron.php}, and a missed schedule leaves it {@code future}
     * (and answering 404) after its time; it is public once the CMS says {@code publish}.
     */
    public boolean publicAt(Instant now) {
        return !SCHEDULED.equals(status) && publicFrom != null && !publicFrom.isAfter(now);
    }

    /** Why the address is not public yet, for logs and status: e.g. {@code status draft}. */
    public String notPublicReason() {
        if (note != null) return note;
        return publicFrom == null ? "status " + status + ": a person has to publish it"
                : "status " + status + ", goes live at " + publicFrom;
    }

    /** As {@link #notPublicReason()}, naming a scheduled post whose time has passed at {@code now} as a missed schedule. */
    public String notPublicReason(Instant now) {
        if (note == null && SCHEDULED.equals(status) && publicFrom != null && !publicFrom.isAfter(now)) {
            return "status future: its time " + publicFrom + " has passed but WordPress has not published it (a missed"
                    + " schedule: WP-cron did not run; it runs when the site is visited, or from a system cron calling"
                    + " wp-cron.php); announced once WordPress says it is published";
        }
        return notPublicReason();
    }
}
