package no.tolk.ingest.feed;

/**
 * A feed item as last imported: its fingerprint in the feed, the hash of the content used, and what became of it
 * ({@link ItemOutcome} name; {@code reason} for skipped or failed items).
 */
public record SeenItem(String itemKey, String feedUrl, String link, String fingerprint, String contentHash,
                       String articleId, String outcome, String reason) {
}
