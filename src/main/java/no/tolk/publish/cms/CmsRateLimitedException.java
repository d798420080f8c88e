package no.tolk.publish.cms;

import java.time.Duration;
import java.util.Optional;

/** The CMS asked Tolk to slow down (HTTP 429); retried later, never lost. */
public class CmsRateLimitedException extends CmsException {

    private final Duration retryAfter;

    /** @param retryAfter what the Retry-After header said, or null when it said nothing */
    public CmsRateLimitedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
