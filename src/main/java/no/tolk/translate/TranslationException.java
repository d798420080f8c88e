package no.tolk.translate;

/** Base of every translation failure; the subclass tells the pipeline what to do next. */
public class TranslationException extends Exception {

    public TranslationException(String message) {
        super(message);
    }

    public TranslationException(String message, Throwable cause) {
        super(message, cause);
    }
}
