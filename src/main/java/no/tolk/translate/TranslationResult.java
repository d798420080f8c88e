package no.tolk.translate;

import java.util.List;

/** Translated segments, same ids and order as requested, and what the engine charged for them. */
public record TranslationResult(List<Segment> segments, Usage usage) {

    public TranslationResult {
        segments = List.copyOf(segments);
    }
}
