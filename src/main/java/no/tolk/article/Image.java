package no.tolk.article;

/** A picture that belongs to the article; any field may be null when the source does not say. */
public record Image(String source, String alt, String caption, String credit) {
}
