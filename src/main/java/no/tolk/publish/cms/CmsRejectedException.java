package no.tolk.publish.cms;

/**
 * The CMS refused the request (401/403 credentials or rights, 400/404/422 invalid content):
 * retrying the same request will not help, so the article is parked for a person.
 */
public class CmsRejectedException extends CmsException {

    private final int status;
    private final String code;
    private final transient com.fasterxml.jackson.databind.JsonNode data;

    /**
     * @param status the HTTP status, or 0 when the refusal did not come from HTTP
     * @param code the service's error code (e.g. {@code rest_invalid_param}), or null
     */
    public CmsRejectedException(int status, String code, String message) {
        this(status, code, message, null);
    }

    /** @param data the service's error data (WordPress: the {@code data} object of its error answer), or null */
    CmsRejectedException(int status, String code, String message, com.fasterxml.jackson.databind.JsonNode data) {
        super(message);
        this.status = status;
        this.code = code;
        this.data = data;
    }

    /** WordPress's {@code data} object of the error, e.g. {@code {"status":400,"term_id":12}}; missing node when none. */
    com.fasterxml.jackson.databind.JsonNode data() {
        return data == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : data;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
