package no.tolk.store;

/** The database could not do what was asked; the pipeline treats this as its own failure, not the article's. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
