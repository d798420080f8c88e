package no.tolk.publish.social;

/** Base of every social-channel failure; the subclass tells the pipeline whether and when to retry. */
public class SocialException extends Exception {

    private final String channel;

    public SocialException(String channel, String message) {
        super(channel + ": " + message);
        this.channel = channel;
    }

    public SocialException(String channel, String message, Throwable cause) {
        super(channel + ": " + message, cause);
        this.channel = channel;
    }

    public String channel() {
        return channel;
    }
}
