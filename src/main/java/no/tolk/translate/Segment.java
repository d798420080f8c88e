package no.tolk.translate;

/**
 * One translatable unit, in article order: the title, the lead or one block.
 * {@code id} is stable within an article revision ("title", "lead", "b0", "b1", ...);
 * {@code text} may hold inline placeholders such as {@code <x id="1"/>} that must come back intact.
 */
public record Segment(String id, String text) {

    public Segment {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("segment id is required");
        if (text == null) throw new IllegalArgumentException("segment text is required");
    }
}
