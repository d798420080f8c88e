package no.tolk.publish;

/**
 * What staff do with a translated article before it is published. Used by the CLI
 * ({@code tolk approve|reject|retry}), the review marker files and the JMX operations.
 * Each method answers whether it did what was asked and, in a sentence, what happened, for the person who asked.
 */
public interface ReviewDesk {

    /** {@code done}: the article's state changed as asked; {@code message}: what happened, or why not. */
    record Answer(boolean done, String message) {

        static Answer done(String message) {
            return new Answer(true, message);
        }

        static Answer refused(String message) {
            return new Answer(false, message);
        }
    }

    Answer approve(String articleId);

    Answer reject(String articleId, String reason);

    /** Sends a failed (or quota-waiting) article through its failed stage again. */
    Answer retry(String articleId);

    /** Retries every failed article whose last error contains {@code cause} (all when blank); returns how many. */
    int retryAllFailed(String cause);
}
