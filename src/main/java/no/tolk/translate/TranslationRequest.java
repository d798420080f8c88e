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
        SourceDocument document,
        Map<String, SegmentContext> context) {

    public TranslationRequest {
        segments = List.copyOf(segments);
        glossary = glossary == null ? Map.of() : Map.copyOf(glossary);
        doNotTranslate = doNotTranslate == null ? Set.of() : Set.copyOf(doNotTranslate);
        context = context == null ? Map.of() : Map.copyOf(context);
    }

    public TranslationRequest(String sourceLanguage, String targetLanguage, List<Segment> segments,
                              Map<String, String> glossary, Set<String> doNotTranslate, SourceDocument document) {
        this(sourceLanguage, targetLanguage, segments, glossary, doNotTranslate, document, null);
    }

    /** A request without a document: enough for every machine engine. */
    public TranslationRequest(String sourceLanguage, String targetLanguage, List<Segment> segments,
                              Map<String, String> glossary, Set<String> doNotTranslate) {
        this(sourceLanguage, targetLanguage, segments, glossary, doNotTranslate, null);
    }

    public TranslationRequest withSegments(List<Segment> subset) {
        return new TranslationRequest(sourceLanguage, targetLanguage, subset, glossary, doNotTranslate, document, context);
    }

    /** The same request, marked as coming from the given document revision (an article id and revision). */
    public TranslationRequest forDocument(String documentId, int revision) {
        return new TranslationRequest(sourceLanguage, targetLanguage, segments, glossary, doNotTranslate,
                new SourceDocument(documentId, revision), context);
    }

    /** The same request, marked as coming from this document (id, revision, title, source file). */
    public TranslationRequest forDocument(SourceDocument source) {
        return new TranslationRequest(sourceLanguage, targetLanguage, segments, glossary, doNotTranslate, source, context);
    }

    /** The same request with each segment's context (by segment id), for engines that show it to people (XLIFF). */
    public TranslationRequest withContext(Map<String, SegmentContext> byId) {
        return new TranslationRequest(sourceLanguage, targetLanguage, segments, glossary, doNotTranslate, document, byId);
    }

    /** The context of one segment, or an empty one. */
    public SegmentContext contextOf(String segmentId) {
        return context.getOrDefault(segmentId, new SegmentContext(null, null, Map.of()));
    }

    public Optional<SourceDocument> sourceDocument() {
        return Optional.ofNullable(document);
    }

    public long characters() {
        return segments.stream().mapToLong(segment -> segment.text().codePointCount(0, segment.text().length())).sum();
    }
}
