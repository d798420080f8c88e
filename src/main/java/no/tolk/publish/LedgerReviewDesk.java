package no.tolk.publish;

import java.util.List;
import java.util.Optional;
import no.tolk.article.ArticleState;
import no.tolk.store.ArticleStore;
import no.tolk.store.ArticleSummary;

/**
 * {@link ReviewDesk} over the article store and the publication ledger, usable from the CLI without the
 * running pipeline: it only changes states; the pipeline (or {@code tolk publish-now}) then does the work.
 */
public class LedgerReviewDesk implements ReviewDesk {

    private final ArticleStore articles;
    private final PublicationLedger ledger;
    private final String mode;

    /** @param mode the publish mode, to tell the person when an approved article will go out */
    public LedgerReviewDesk(ArticleStore articles, PublicationLedger ledger, String mode) {
        this.articles = articles;
        this.ledger = ledger;
        this.mode = mode;
    }

    @Override
    public Answer approve(String articleId) {
        Optional<ArticleSummary> article = find(articleId);
        if (article.isEmpty()) return Answer.refused("No article with id " + articleId + ".");
        String state = article.get().state();
        if (!state.equals("in_review") && !state.equals("translated")) {
            return Answer.refused("Article " + articleId + " is " + state + "; only a translated article or one in review can be approved.");
        }
        articles.changeState(articleId, ArticleState.APPROVED, "approved by a person (revision " + article.get().revision() + ")");
        return Answer.done("Approved article " + articleId + " revision " + article.get().revision() + " (" + article.get().title()
                + "); " + whenPublished() + ".");
    }

    @Override
    public Answer reject(String articleId, String reason) {
        if (reason == null || reason.isBlank()) return Answer.refused("Give a reason, so the translation can be improved.");
        Optional<ArticleSummary> article = find(articleId);
        if (article.isEmpty()) return Answer.refused("No article with id " + articleId + ".");
        String state = article.get().state();
        if (!List.of("translated", "in_review", "approved").contains(state)) {
            return Answer.refused("Article " + articleId + " is " + state + "; only a translated, reviewed or approved article can be rejected.");
        }
        articles.changeState(articleId, ArticleState.EXTRACTED, "rejected: " + reason.strip());
        return Answer.done("Rejected article " + articleId + " revision " + article.get().revision()
                + "; it goes back to translation. Reason recorded: " + reason.strip());
    }

    @Override
    public Answer retry(String articleId) {
        Optional<ArticleSummary> article = find(articleId);
        if (article.isEmpty()) return Answer.refused("No article with id " + articleId + ".");
        String state = article.get().state();
        if (state.equals("waiting_for_quota")) {
            articles.changeState(articleId, ArticleState.EXTRACTED, "retry requested: translate again");
            return Answer.done("Article " + articleId + " goes back to translation.");
        }
        if (state.equals("awaiting_translation")) {
            // re-issues the human translation request: the outbox file is written again (if deleted) for what is still open
            articles.changeState(articleId, ArticleState.EXTRACTED, "retry requested: translation request issued again");
            return Answer.done("Article " + articleId + " goes back to translation; its translation request is issued again.");
        }
        if (!state.equals("failed")) return Answer.refused("Article " + articleId + " is " + state + ", not failed; nothing to retry.");
        List<Publication> publications = ledger.forArticle(articleId);
        if (publications.isEmpty()) {
            articles.changeState(articleId, ArticleState.EXTRACTED, "retry requested: translate again");
            return Answer.done("Article " + articleId + " failed before publishing; it goes back to translation.");
        }
        int reset = ledger.resetFailed(articleId);
        articles.changeState(articleId, ArticleState.APPROVED, "retry requested for " + reset + " failed publication(s)");
        return Answer.done("Article " + articleId + ": " + reset + " failed publication(s) will be tried again; " + whenPublished() + ".");
    }

    @Override
    public int retryAllFailed(String cause) {
        int retried = 0;
        for (ArticleSummary article : articles.listArticles()) {
            if (!article.state().equals("failed")) continue;
            boolean matches = cause == null || cause.isBlank()
                    || (article.lastError() != null && article.lastError().contains(cause))
                    || ledger.forArticle(article.id()).stream()
                            .anyMatch(p -> p.lastError() != null && p.lastError().contains(cause));
            if (matches) {
                retry(article.id());
                retried++;
            }
        }
        return retried;
    }

    private String whenPublished() {
        return PublishSettings.NIGHTLY.equals(mode)
                ? "it is published in the next nightly run (or now with 'tolk publish-now')"
                : "a running service publishes it within seconds ('tolk once' or 'tolk publish-now' otherwise)";
    }

    private Optional<ArticleSummary> find(String articleId) {
        return articles.listArticles().stream().filter(article -> article.id().equals(articleId)).findFirst();
    }
}
