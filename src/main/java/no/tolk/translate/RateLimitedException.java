package no.tolk.translate;

/** The service asked Tolk to slow down (HTTP 429/529); retried later, never lost. */
public class RateLimitedException extends TranslationException {

    private final java.time.Duration retryAfter;

    public RateLimitedException(String message) {
        this(message, (java.time.Duration) null);
    }

    /** @param retryAfter what the service's Retry-After header said, or null when it said nothing */
    public RateLimitedException(String message, java.time.Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public java.util.Optional<java.time.Duration> retryAfter() {
        return java.util.Optional.ofNullable(retryAfter);
    }

    public RateLimitedException(String message, Throwable cause) {
        super(message, cause);
        this.retryAfter = null;
    }
}
