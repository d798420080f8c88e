package no.tolk.publish.social;

/** The service is down or slow (5xx, timeout, connection refused, unreadable answer): retried with backoff. */
public class ChannelUnavailableException extends SocialException {

    private final int status;

    public ChannelUnavailableException(String channel, int status, String message) {
        super(channel, message);
        this.status = status;
    }

    public ChannelUnavailableException(String channel, String message, Throwable cause) {
        super(channel, message, cause);
        this.status = 0;
    }

    /** The HTTP status, or 0 when no answer arrived. */
    public int status() {
        return status;
    }
}
