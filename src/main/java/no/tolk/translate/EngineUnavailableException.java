package no.tolk.translate;

import java.time.Duration;
import java.util.Optional;

/** The service is down or slow (5xx, timeout, connection refused): retried with backoff. */
public class EngineUnavailableException extends TranslationException {

    private final Duration retryAfter;

    public EngineUnavailableException(String message) {
        this(message, (Duration) null);
    }

    /** @param retryAfter what the service's Retry-After header said (503 may carry one), or null */
    public EngineUnavailableException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
        this.retryAfter = null;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
