package no.tolk.article;

/** One structural unit of an article body, in reading order. */
public record Block(BlockType type, String text) {

    public Block {
        if (type == null) throw new IllegalArgumentException("block type is required");
        if (text == null || text.isBlank()) throw new IllegalArgumentException("block text is required");
    }
}
