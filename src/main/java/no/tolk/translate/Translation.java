package no.tolk.translate;

import java.time.Instant;
import java.util.List;
import no.tolk.article.Article;

/**
 * An article revision in a target language: the translated {@link Article} (same id and revision,
 * {@code language} = target), the engine that made it, what it cost and what quality checks found.
 */
public record Translation(
        String articleId,
        int revision,
        String language,
        Article article,
        String engine,
        Usage usage,
        List<QaFinding> qa,
        Instant createdAt) {

    public Translation {
        qa = qa == null ? List.of() : List.copyOf(qa);
    }

    public boolean hasErrors() {
        return qa.stream().anyMatch(QaFinding::isError);
    }
}
