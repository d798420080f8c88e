package no.tolk.publish;

/**
 * What staff do with a translated article before it is published. Used by the CLI
 * ({@code tolk approve|reject|retry}), the review marker files, the JMX operations and the web desk.
 * Each method answers whether it did what was asked and, in a sentence, what happened, for the person who asked.
 * {@code actor} is recorded in the article's history: a desk user name, {@code cli:<os user>} or {@code jmx}.
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

    /**
     * Approves the current revision. When its translation still has quality-check errors the answer is a refusal
     * naming them, unless {@code despiteErrors} (the person confirmed they looked at them).
     */
    Answer approve(String articleId, boolean despiteErrors, String actor);

    /**
     * Rejects the current revision's translation with a reason (stored and shown). It is translated again without
     * the translation memory: by people through XLIFF when {@code toHuman}, else by a fresh engine call (and by
     * people when the engine gives the rejected text again). It never comes back unchanged.
     */
    Answer reject(String articleId, String reason, boolean toHuman, String actor);

    /** Sends a failed (or quota-waiting) article through its failed stage again. */
    Answer retry(String articleId, String actor);

    /** Retries every failed article whose last error contains {@code cause} (all when blank); returns how many. */
    int retryAllFailed(String cause, String actor);

    default Answer approve(String articleId) {
        return approve(articleId, false, null);
    }

    default Answer reject(String articleId, String reason) {
        return reject(articleId, reason, true, null);
    }

    default Answer retry(String articleId) {
        return retry(articleId, null);
    }

    default int retryAllFailed(String cause) {
        return retryAllFailed(cause, null);
    }
}
