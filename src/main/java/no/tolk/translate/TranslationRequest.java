package no.tolk.translate;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Segments to translate from one language to another (ISO 639-1 codes such as "nb", "en";
 * each engine maps them to its own codes), with the glossary (source term to target term)
 * and the terms that must not be translated.
 */
public record TranslationRequest(
        String sourceLanguage,
        String targetLanguage,
        List<Segment> segments,
        Map<String, String> glossary,
        Set<String> doNotTranslate) {

    public TranslationRequest {
        segments = List.copyOf(segments);
        glossary = glossary == null ? Map.of() : Map.copyOf(glossary);
        doNotTranslate = doNotTranslate == null ? Set.of() : Set.copyOf(doNotTranslate);
    }

    public TranslationRequest withSegments(List<Segment> subset) {
        return new TranslationRequest(sourceLanguage, targetLanguage, subset, glossary, doNotTranslate);
    }

    public long characters() {
        return segments.stream().mapToLong(segment -> segment.text().codePointCount(0, segment.text().length())).sum();
    }
}
