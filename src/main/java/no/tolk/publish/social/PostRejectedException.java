package no.tolk.publish.social;

/**
 * The service refused the credentials (401/403) or the post (400/422): retrying the same request
 * will not help. {@link #serviceMessage()} is the service's own explanation.
 */
public class PostRejectedException extends SocialException {

    private final int status;
    private final String serviceMessage;
    private final boolean credentialsRefused;

    public PostRejectedException(String channel, int status, String serviceMessage) {
        this(channel, status, serviceMessage, status == 401 || status == 403);
    }

    /** @param credentialsRefused the service said the token is invalid or lacks a permission, whatever the status */
    public PostRejectedException(String channel, int status, String serviceMessage, boolean credentialsRefused) {
        super(channel, "rejected (HTTP " + status + "): " + serviceMessage);
        this.status = status;
        this.serviceMessage = serviceMessage;
        this.credentialsRefused = credentialsRefused;
    }

    public int status() {
        return status;
    }

    public String serviceMessage() {
        return serviceMessage;
    }

    /** The token or password is missing, wrong, expired or lacks a permission. */
    public boolean credentialsRefused() {
        return credentialsRefused;
    }
}
