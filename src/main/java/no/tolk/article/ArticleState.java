package no.tolk.article;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where an article is in the pipeline. Stored by name; later stages add their states here. */
public enum ArticleState {
    RECEIVED,
    EXTRACTED,
    QUARANTINED,
    /** Recorded but not sent on, e.g. a feed item not in a source language; the reason is kept. */
    SKIPPED,
    /** Sent to human translators (XLIFF); resumes when the translated file comes back. */
    AWAITING_TRANSLATION,
    /** The engine's quota or monthly budget is used up; retried later, not failed. */
    WAITING_FOR_QUOTA,
    /** Translated, quality checks passed; the publish stage decides between review and approval. */
    TRANSLATED,
    IN_REVIEW,
    APPROVED,
    PUBLISHED,
    FAILED;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
