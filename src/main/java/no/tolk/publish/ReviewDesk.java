package no.tolk.publish;

/**
 * What staff do with a translated article before it is published. Used by the CLI
 * ({@code tolk approve|reject|retry}), the review marker files and the JMX operations.
 * Each method returns a sentence saying what happened, for the person who asked.
 */
public interface ReviewDesk {

    String approve(String articleId);

    String reject(String articleId, String reason);

    /** Sends a failed (or quota-waiting) article through its failed stage again. */
    String retry(String articleId);

    /** Retries every failed article whose last error contains {@code cause} (all when blank); returns how many. */
    int retryAllFailed(String cause);
}
