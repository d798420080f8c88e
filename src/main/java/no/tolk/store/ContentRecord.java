package no.tolk.store;

/** One entry of the content ledger: these bytes became this article revision, with this outcome. */
public record ContentRecord(String hash, String articleId, int revision, String outcome, String sourceFile) {
}
