package no.tolk.ingest.feed;

/** What one poll did with one feed item. */
public enum ItemOutcome {
    /** Stored as a new article. */
    NEW,
    /** Stored as a new revision of the article from the same item. */
    REVISED,
    /** Seen before with the same content; nothing fetched or stored. */
    UNCHANGED,
    /** Recorded but not sent on, with the reason (e.g. not in a source language). */
    SKIPPED,
    /** The item's content cannot become an article (recorded in the store as quarantined). */
    REJECTED,
    /** The page behind the link could not be fetched now; tried again on the next poll. */
    FAILED
}
