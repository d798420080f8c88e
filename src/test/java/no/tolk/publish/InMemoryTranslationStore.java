package no.tolk.publish;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import no.tolk.article.Article;
import no.tolk.translate.QaFinding;
import no.tolk.translate.Translation;
import no.tolk.translate.TranslationStore;

/** Stands in for the translation stage's store: translations put here by the test. */
public final class InMemoryTranslationStore implements TranslationStore {

    private final Map<String, Translation> translations = new ConcurrentHashMap<>();

    public void put(Article english, QaFinding... findings) {
        translations.put(english.id() + "/" + english.revision() + "/" + english.language(), new Translation(english.id(),
                english.revision(), english.language(), english, "test-engine", null, List.of(findings), Instant.now()));
    }

    @Override
    public Optional<Translation> find(String articleId, int revision, String language) {
        return Optional.ofNullable(translations.get(articleId + "/" + revision + "/" + language));
    }

    @Override
    public List<Translation> findAll(String articleId) {
        return translations.values().stream().filter(t -> t.articleId().equals(articleId)).toList();
    }

    @Override
    public Map<String, Long> billedCharacters(LocalDate from, LocalDate to) {
        return Map.of();
    }

    @Override
    public double memoryHitRate() {
        return 0;
    }
}
