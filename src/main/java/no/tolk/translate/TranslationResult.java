package no.tolk.translate;

import java.util.Map;

import java.util.List;

/**
 * Translated segments, same ids and order as requested, what the engine charged for them, and the notes
 * or comments people left on segments (segment id -> notes; human translation only).
 */
public record TranslationResult(List<Segment> segments, Usage usage, Map<String, List<String>> notes) {

    public TranslationResult {
        segments = List.copyOf(segments);
        notes = notes == null ? Map.of() : Map.copyOf(notes);
    }

    public TranslationResult(List<Segment> segments, Usage usage) {
        this(segments, usage, Map.of());
    }
}
