package no.tolk.translate;

import java.util.List;
import java.util.Map;

/**
 * Translated segments, same ids and order as requested, what the engine charged for them, the notes
 * or comments people left on segments (segment id -> notes; human translation only), and what the engine
 * itself reported about its output (e.g. Apertium's unknown words), kept with the translation's QA findings.
 */
public record TranslationResult(List<Segment> segments, Usage usage, Map<String, List<String>> notes,
                                List<QaFinding> findings) {

    public TranslationResult {
        segments = List.copyOf(segments);
        notes = notes == null ? Map.of() : Map.copyOf(notes);
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    public TranslationResult(List<Segment> segments, Usage usage, Map<String, List<String>> notes) {
        this(segments, usage, notes, List.of());
    }

    public TranslationResult(List<Segment> segments, Usage usage) {
        this(segments, usage, Map.of(), List.of());
    }
}
