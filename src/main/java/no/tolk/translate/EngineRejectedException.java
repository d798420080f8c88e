package no.tolk.translate;

/** Credentials or configuration are wrong (401/403, bad language): reported once, not retried. */
public class EngineRejectedException extends TranslationException {

    public EngineRejectedException(String message) {
        super(message);
    }

    public EngineRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
