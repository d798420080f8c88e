package no.tolk.publish.cms;

/** Base of every CMS publishing failure; the subclass tells the pipeline whether to retry. */
public class CmsException extends Exception {

    public CmsException(String message) {
        super(message);
    }

    public CmsException(String message, Throwable cause) {
        super(message, cause);
    }
}
