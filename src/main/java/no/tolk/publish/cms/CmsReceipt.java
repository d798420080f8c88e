package no.tolk.publish.cms;

/**
 * Where one language version now lives: the CMS's own id for it (store it and pass it back on the
 * next revision) and the address readers and social posts should use.
 */
public record CmsReceipt(String externalId, String url) {

    public CmsReceipt {
        if (externalId == null || externalId.isBlank()) throw new IllegalArgumentException("external id is required");
    }
}
