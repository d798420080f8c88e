package no.tolk.translate;

/**
 * Which document revision a request translates (for Tolk: an article id and revision, with its
 * title and source file name when known, shown to translators in the XLIFF file's header).
 * Machine engines ignore it; engines that hand work to people (XLIFF) need it to name the job
 * and to match the returned file to the request.
 */
public record SourceDocument(String id, int revision, String title, String sourceFile) {

    public SourceDocument {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("document id is required");
        if (revision < 1) throw new IllegalArgumentException("document revision counts from 1, got " + revision);
    }

    public SourceDocument(String id, int revision) {
        this(id, revision, null, null);
    }
}
