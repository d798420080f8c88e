package no.tolk.store;

import java.util.List;
import java.util.Optional;
import no.tolk.article.Article;
import no.tolk.article.ArticleState;
import no.tolk.article.Received;

/** The ledger of received content and the home of every article's state. */
public interface ArticleStore {

    /** What was already decided for these exact bytes, if they were ever received. */
    Optional<ContentRecord> findContent(String contentHash);

    /**
     * Stores a freshly extracted article as a new article or as a new revision of an existing one
     * (same source name, else same title), all in one transaction.
     * @return the article with its stable id and revision number
     */
    Article saveExtracted(Received received, Article extracted);

    /** One extracted article waiting in a group commit ({@link #saveExtractedGroup}). */
    record Extracted(Received received, Article article) {
    }

    /** What became of one article of a group: the stored article (with id and revision), or the failure. */
    record GroupOutcome(Article article, RuntimeException failure) {
        public static GroupOutcome stored(Article article) {
            return new GroupOutcome(article, null);
        }

        public static GroupOutcome failed(RuntimeException failure) {
            return new GroupOutcome(null, failure);
        }
    }

    /**
     * Stores extracted articles as {@link #saveExtracted} does, all in one transaction with one commit (a group
     * commit: the durable write, the costly part of a small transaction, is paid once per group).
     * An article the store refuses fails alone; when the commit fails, all fail. Outcomes are in the group's order.
     * This default saves them one transaction each, for stores without groups.
     */
    default List<GroupOutcome> saveExtractedGroup(List<Extracted> group) {
        return group.stream().map(item -> {
            try {
                return GroupOutcome.stored(saveExtracted(item.received(), item.article()));
            } catch (RuntimeException e) {
                return GroupOutcome.failed(e);
            }
        }).toList();
    }

    /** Records content that could not be extracted; the file itself lies in quarantine. */
    ContentRecord saveQuarantined(Received received, String reason);

    /**
     * Records content that was read but is not for the pipeline (e.g. a feed item in another language):
     * a new article in state SKIPPED with the reason, or, for an article already known, only the reason
     * (its current revision stays as it is).
     * @return the ledger entry for this content
     */
    ContentRecord saveSkipped(Received received, Article extracted, String reason);

    void changeState(String articleId, ArticleState newState, String reason);

    /**
     * A state change made by a person or tool, recorded with who made it ({@code actor}: a desk user name,
     * {@code cli:<os user>} or {@code jmx}). Stores that keep no actor record the change without it.
     */
    default void changeState(String articleId, ArticleState newState, String reason, String actor) {
        changeState(articleId, newState, reason);
    }

    Optional<Article> findArticle(String articleId);

    List<ArticleSummary> listArticles();

    /** Number of articles per state (lower-case state names), for status and JMX. */
    java.util.Map<String, Integer> countByState();

    /** One article's summary by id (primary key), without reading any other article. */
    Optional<ArticleSummary> findSummary(String articleId);

    /** Articles in one state, oldest change first, read through the state index (V1/V30). */
    List<ArticleSummary> listInState(ArticleState state);

    /** The claims on due work in this store, held under this instance's id ({@code tolk.instance.id}). */
    WorkClaims claims();
}
