package no.tolk.publish;

import java.util.List;
import java.util.Optional;

/**
 * The record of every publication, written around each call to a CMS or social channel:
 * {@link #attemptStarted} before the call, {@link #received} or {@link #published} right after it.
 */
public interface PublicationLedger {

    String CMS = "cms";

    Optional<Publication> find(String articleId, String target, String language);

    List<Publication> forArticle(String articleId);

    /** Publications in state FAILED, oldest first. */
    List<Publication> failed();

    /** Before calling the outside world: counts the attempt and marks its outcome unknown until recorded. */
    void attemptStarted(String articleId, String target, String language, int revision);

    /** The target answered with its id, but the publication is not complete yet (the CMS link step follows). */
    void received(String articleId, String target, String language, String externalId, String url);

    /** The target confirmed this revision. */
    void published(String articleId, String target, String language, int revision, String externalId, String url,
            String note);

    /**
     * The attempt failed. {@code outcomeKnown} false keeps the row marked as "outcome unknown" (a timeout: the post
     * may exist); {@code last} true marks the publication FAILED, else it stays PENDING for the next attempt.
     */
    void attemptFailed(String articleId, String target, String language, String error, boolean outcomeKnown, boolean last);

    /** A person checked or fixed the cause: failed publications of the article become pending with a fresh count. */
    int resetFailed(String articleId);
}
