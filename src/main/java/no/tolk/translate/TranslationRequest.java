package no.tolk.translate;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Segments to translate from one language to another (ISO 639-1 codes such as "nb", "en";
 * each engine maps them to its own codes), with the glossary (source term to target term),
 * the terms that must not be translated and, optionally, the document revision they come from.
 */
public record TranslationRequest(
        String sourceLanguage,
        String targetLanguage,
        List<Segment> segments,
        Map<String, String> glossary,
        Set<String> doNotTranslate,
        SourceDocument document) {

    public TranslationRequest {
        segments = List.copyOf(segments);
        glossary = glossary == null ? Map.of() : Map.copyOf(glossary);
        doNotTranslate = doNotTranslate == null ? Set.of() : Set.copyOf(doNotTranslate);
    }

    /** A request without a document: enough for every machine engine. */
    public TranslationRequest(String sourceLanguage, String targetLanguage, List<Segment> segments,
                              Map<String, String> glossary, Set<String> doNotTranslate) {
        this(sourceLanguage, targetLanguage, segments, glossary, doNotTranslate, null);
    }

    public TranslationRequest withSegments(List<Segment> subset) {
        return new TranslationRequest(sourceLanguage, targetLanguage, subset, glossary, doNotTranslate, document);
    }

    /** The same request, marked as coming from the given document revision (an article id and revision). */
    public TranslationRequest forDocument(String documentId, int revision) {
        return new TranslationRequest(sourceLanguage, targetLanguage, segments, glossary, doNotTranslate,
                new SourceDocument(documentId, revision));
    }

    public Optional<SourceDocument> sourceDocument() {
        return Optional.ofNullable(document);
    }

    public long characters() {
        return segments.stream().mapToLong(segment -> segment.text().codePointCount(0, segment.text().length())).sum();
    }
}
