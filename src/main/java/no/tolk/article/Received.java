package no.tolk.article;

import java.nio.file.Path;

/**
 * Content that arrived at Tolk: where from, its SHA-256, and its archived copy.
 * {@code sourceKey} groups revisions of one article (e.g. the file name without extension, or a feed guid).
 */
public record Received(String sourceName, String sourceKey, String contentHash, Path archivedCopy) {
}
