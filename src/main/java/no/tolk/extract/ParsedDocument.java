package no.tolk.extract;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;

/** What Tika made of a file: its type, XHTML rendering and metadata. */
public record ParsedDocument(MediaType mediaType, String xhtml, Metadata metadata) {
}
