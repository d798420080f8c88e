package no.tolk.publish;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import no.tolk.article.ArticleState;
import no.tolk.store.ArticleStore;
import no.tolk.store.ArticleSummary;
import no.tolk.translate.QaFinding;
import no.tolk.translate.Rejection;
import no.tolk.translate.Translation;
import no.tolk.translate.TranslationStore;

/**
 * {@link ReviewDesk} over the article store and the publication ledger, usable from the CLI without the
 * running pipeline: it only changes states; the pipeline (or {@code tolk publish-now}) then does the work.
 */
public class LedgerReviewDesk implements ReviewDesk {

    private final ArticleStore articles;
    private final PublicationLedger ledger;
    private final String mode;
    private final Supplier<TranslationStore> translations;
    private final Clock clock;

    /** Without a translation store: approvals cannot see quality-check errors and rejections are not recorded. */
    public LedgerReviewDesk(ArticleStore articles, PublicationLedger ledger, String mode) {
        this(articles, ledger, mode, () -> null, Clock.systemUTC());
    }

    /**
     * @param mode the publish mode, to tell the person when an approved article will go out
     * @param translations looked up at use (the translation stage binds it)
     */
    public LedgerReviewDesk(ArticleStore articles, PublicationLedger ledger, String mode, Supplier<TranslationStore> translations,
            Clock clock) {
        this.articles = articles;
        this.ledger = ledger;
        this.mode = mode;
        this.translations = translations;
        this.clock = clock;
    }

    @Override
    public Answer approve(String articleId, boolean despiteErrors, String actor) {
        Optional<ArticleSummary> article = find(articleId);
        if (article.isEmpty()) return Answer.refused("No article with id " + articleId + ".");
        String state = article.get().state();
        if (!state.equals("in_review") && !state.equals("translated")) {
            return Answer.refused("Article " + articleId + " is " + state + "; only a translated article or one in review can be approved.");
        }
        List<String> errors = errors(articleId, article.get().revision());
        if (!errors.isEmpty() && !despiteErrors) {
            return Answer.refused("Article " + articleId + " still has " + errors.size() + " quality-check error(s): "
                    + String.join("; ", errors)
                    + ". Correct them on the review desk, or approve anyway with 'tolk approve " + articleId + " --despite-errors'"
                    + " (JMX: approveDespiteErrors).");
        }
        String note = errors.isEmpty() ? "" : " despite " + errors.size() + " quality-check error(s): "
                + String.join("; ", errors);
        articles.changeState(articleId, ArticleState.APPROVED, "approved" + by(actor) + " (revision " + article.get().revision() + ")" + note, actor);
        return Answer.done("Approved article " + articleId + " revision " + article.get().revision() + " (" + article.get().title()
                + ")" + note + "; " + whenPublished() + ".");
    }

    @Override
    public Answer reject(String articleId, String reason, boolean toHuman, String actor) {
        if (reason == null || reason.isBlank()) return Answer.refused("Give a reason, so the translation can be improved.");
        Optional<ArticleSummary> article = find(articleId);
        if (article.isEmpty()) return Answer.refused("No article with id " + articleId + ".");
        String state = article.get().state();
        if (!List.of("translated", "in_review", "approved").contains(state)) {
            return Answer.refused("Article " + articleId + " is " + state + "; only a translated, reviewed or approved article can be rejected.");
        }
        TranslationStore store = translations.get();
        String next = toHuman ? "it goes to human translators (XLIFF in translations/outbox/)"
                : "it is translated again by the engine without the translation memory (by people if the engine repeats itself)";
        if (store != null) {
            store.reject(new Rejection(articleId, article.get().revision(), reason.strip(), actor, toHuman, clock.instant()));
        } else {
            next = "it goes back to translation";
        }
        articles.changeState(articleId, ArticleState.EXTRACTED, "rejected" + by(actor) + ": " + reason.strip(), actor);
        return Answer.done("Rejected article " + articleId + " revision " + article.get().revision()
                + "; " + next + ". Reason recorded: " + reason.strip());
    }

    /**
     * Quality-check errors of every translation of the current revision (none without a translation store); those of a
     * translation other than English start with its language ({@code nn: ...}), so a reviewer knows which pair to look at.
     */
    private List<String> errors(String articleId, int revision) {
        TranslationStore store = translations.get();
        if (store == null) return List.of();
        List<String> errors = new java.util.ArrayList<>();
        for (Translation translation : store.findAll(articleId)) {
            if (translation.revision() != revision) continue;
            String prefix = "en".equals(translation.language()) ? "" : translation.language() + ": ";
            translation.qa().stream().filter(QaFinding::isError).forEach(finding -> errors.add(prefix + finding.message()));
        }
        return errors;
    }

    private static String by(String actor) {
        return actor == null || actor.isBlank() ? " by a person" : " by " + actor;
    }

    @Override
    public Answer retry(String articleId, String actor) {
        Optional<ArticleSummary> article = find(articleId);
        if (article.isEmpty()) return Answer.refused("No article with id " + articleId + ".");
        String state = article.get().state();
        if (state.equals("waiting_for_quota")) {
            articles.changeState(articleId, ArticleState.EXTRACTED, "retry requested" + by(actor) + ": translate again", actor);
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
            articles.changeState(articleId, ArticleState.EXTRACTED, "retry requested" + by(actor) + ": translate again", actor);
            return Answer.done("Article " + articleId + " failed before publishing; it goes back to translation.");
        }
        int reset = ledger.resetFailed(articleId);
        articles.changeState(articleId, ArticleState.APPROVED, "retry requested" + by(actor) + " for " + reset + " failed publication(s)", actor);
        return Answer.done("Article " + articleId + ": " + reset + " failed publication(s) will be tried again; " + whenPublished() + ".");
    }

    @Override
    public int retryAllFailed(String cause, String actor) {
        int retried = 0;
        for (ArticleSummary article : articles.listArticles()) {
            if (!article.state().equals("failed")) continue;
            boolean matches = cause == null || cause.isBlank()
                    || (article.lastError() != null && article.lastError().contains(cause))
                    || ledger.forArticle(article.id()).stream()
                            .anyMatch(p -> p.lastError() != null && p.lastError().contains(cause));
            if (matches) {
                retry(article.id(), actor);
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
