package no.tolk.publish.social;

import java.time.Instant;
import java.util.Optional;

/** The service answered 429 (or a throttling error code); the post is retried after {@link #resetAt()}. */
public class ChannelRateLimitedException extends SocialException {

    private final Instant resetAt;

    /** @param resetAt when the service said the limit resets, or null when it did not say */
    public ChannelRateLimitedException(String channel, String message, Instant resetAt) {
        super(channel, message);
        this.resetAt = resetAt;
    }

    public Optional<Instant> resetAt() {
        return Optional.ofNullable(resetAt);
    }
}
