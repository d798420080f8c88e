package no.tolk.translate;

/** The service is down or slow (5xx, timeout, connection refused): retried with backoff. */
public class EngineUnavailableException extends TranslationException {

    public EngineUnavailableException(String message) {
        super(message);
    }

    public EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
