package no.tolk.publish.cms;

/**
 * The CMS refused the request (401/403 credentials or rights, 400/404/422 invalid content):
 * retrying the same request will not help, so the article is parked for a person.
 */
public class CmsRejectedException extends CmsException {

    private final int status;
    private final String code;

    /**
     * @param status the HTTP status, or 0 when the refusal did not come from HTTP
     * @param code the service's error code (e.g. {@code rest_invalid_param}), or null
     */
    public CmsRejectedException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
