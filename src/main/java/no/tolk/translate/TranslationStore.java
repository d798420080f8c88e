package no.tolk.translate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where translations, translation memory and usage figures are kept (the publish and ops stages read from here). */
public interface TranslationStore {

    Optional<Translation> find(String articleId, int revision, String language);

    /** Every stored translation of the article's current revision. */
    List<Translation> findAll(String articleId);

    /** Billed characters per engine between two dates, inclusive (for budgets and JMX). */
    Map<String, Long> billedCharacters(LocalDate from, LocalDate to);

    /** Records a reviewer's rejection of a revision's translation (see {@link Rejection}); stores without it refuse. */
    default void reject(Rejection rejection) {
        throw new UnsupportedOperationException("this translation store cannot record rejections");
    }

    /** The rejection of this revision, if any. */
    default Optional<Rejection> rejection(String articleId, int revision) {
        return Optional.empty();
    }

    /** Share of segments served from translation memory since the process started (0..1), for JMX. */
    double memoryHitRate();
}
