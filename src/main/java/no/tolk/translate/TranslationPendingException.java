package no.tolk.translate;

/** The translation is in human hands (XLIFF): the article waits until the translated file arrives. */
public class TranslationPendingException extends TranslationException {

    public TranslationPendingException(String message) {
        super(message);
    }

    public TranslationPendingException(String message, Throwable cause) {
        super(message, cause);
    }
}
