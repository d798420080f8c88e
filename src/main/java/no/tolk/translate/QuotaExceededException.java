package no.tolk.translate;

/** The character quota or monthly budget is used up (DeepL 456 and the like): the article waits or falls back. */
public class QuotaExceededException extends TranslationException {

    public QuotaExceededException(String message) {
        super(message);
    }

    public QuotaExceededException(String message, Throwable cause) {
        super(message, cause);
    }
}
