package no.tolk.publish.cms;

/**
 * The CMS is down or slow (5xx, timeout, connection refused) or the local site cannot be written:
 * retried with backoff. After a timeout the outcome is unknown, so the retry must pass
 * {@code null} as the external id to make the publisher look the post up before creating it.
 */
public class CmsUnavailableException extends CmsException {

    public CmsUnavailableException(String message) {
        super(message);
    }

    public CmsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
