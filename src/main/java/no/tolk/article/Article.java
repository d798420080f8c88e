package no.tolk.article;

import java.time.LocalDate;
import java.util.List;

/**
 * An article as Tolk understands it: metadata plus an ordered list of blocks.
 * {@code id} is stable across revisions; {@code revision} counts from 1.
 */
public record Article(
        String id,
        int revision,
        String sourceFile,
        String language,
        String title,
        String lead,
        String author,
        LocalDate published,
        LocalDate revised,
        List<Image> images,
        List<String> tags,
        List<Block> blocks) {

    public Article {
        images = images == null ? List.of() : List.copyOf(images);
        tags = tags == null ? List.of() : List.copyOf(tags);
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
    }

    public Article withIdentity(String newId, int newRevision) {
        return new Article(newId, newRevision, sourceFile, language, title, lead, author,
                published, revised, images, tags, blocks);
    }

    public Article withLanguage(String newLanguage) {
        return new Article(id, revision, sourceFile, newLanguage, title, lead, author,
                published, revised, images, tags, blocks);
    }

    /** All readable text, title first; used for language detection and size checks. */
    public String fullText() {
        StringBuilder text = new StringBuilder();
        if (title != null) text.append(title).append('\n');
        if (lead != null) text.append(lead).append('\n');
        blocks.forEach(block -> text.append(block.text()).append('\n'));
        return text.toString();
    }
}
