package no.tolk.publish;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import no.tolk.article.Article;
import no.tolk.article.ArticleState;
import no.tolk.publish.cms.ReviewNote;
import no.tolk.publish.cms.ReviewPreview;
import no.tolk.store.ArticleStore;
import no.tolk.store.ArticleSummary;
import no.tolk.store.WorkClaims;
import no.tolk.translate.Translation;
import no.tolk.translate.TranslationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Between translation and publishing: a translated article goes to review (a side-by-side page per translation and an
 * approval marker) when approval is required, else straight to APPROVED; an article in review becomes APPROVED
 * once its marker was moved into {@code review/approved/}.
 */
public class ReviewGate {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewGate.class);

    private final ArticleStore articles;
    private final Supplier<TranslationStore> translations;
    private final ReviewPreview preview;
    private final boolean requireApproval;

    public ReviewGate(ArticleStore articles, Supplier<TranslationStore> translations, ReviewPreview preview,
            boolean requireApproval) {
        this.articles = articles;
        this.translations = translations;
        this.preview = preview;
        this.requireApproval = requireApproval;
    }

    public boolean requireApproval() {
        return requireApproval;
    }

    private final java.util.Set<String> warnedMissing = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Every TRANSLATED article to IN_REVIEW or APPROVED, and every article the translation stage put IN_REVIEW
     * itself (quality checks found errors) gets its review page; returns how many moved or got a page.
     * Translated articles are claimed first ({@link WorkClaims}), so two instances never review one; pages of
     * articles no longer in review move to {@code review/done/}. Reads only the articles concerned, by state.
     */
    public int reviewTranslated() {
        WorkClaims claims = articles.claims();
        int moved = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<ArticleSummary> batch;
        while (seen.size() < MAX_PER_POLL
                && !(batch = claims.claimInState("review", ArticleState.TRANSLATED, CLAIM_BATCH, seen)).isEmpty()) {
            for (ArticleSummary summary : batch) {
                seen.add(summary.id());
                try {
                    if (review(summary.id())) moved++;
                } finally {
                    claims.release(summary.id());
                }
            }
        }
        for (ArticleSummary summary : articles.listInState(ArticleState.IN_REVIEW)) {
            if (!preview.hasPage(summary.id(), summary.revision()) && writePage(summary.id()) != null) moved++;
        }
        for (String id : preview.pendingIds()) {
            articles.findSummary(id).filter(summary -> !java.util.Set.of("translated", "in_review", "quarantined", "skipped")
                    .contains(summary.state())).ifPresent(this::tidy);
        }
        return moved;
    }

    /** Articles claimed at a time, and most articles one poll takes on. */
    static final int CLAIM_BATCH = 8;
    static final int MAX_PER_POLL = 400;

    private void tidy(ArticleSummary summary) {
        try {
            if (preview.markDone(summary.id())) {
                LOG.info("Review page of article {} moved to {} ({})", summary.id(), preview.reviewDir().resolve("done"), summary.state());
            }
        } catch (RuntimeException e) {
            LOG.warn("Cannot tidy the review page of article {}: {}", summary.id(), e.getMessage());
        }
    }

    /**
     * Every article in review whose marker was moved into {@code approved/} becomes APPROVED, under a claim;
     * returns how many.
     */
    public int collectApprovals() {
        WorkClaims claims = articles.claims();
        int approved = 0;
        for (ArticleSummary summary : articles.listInState(ArticleState.IN_REVIEW)) {
            if (!preview.isApproved(summary.id(), summary.revision())) continue;
            if (claims.claimArticles("review", ArticleState.IN_REVIEW, List.of(summary.id())).isEmpty()) continue;
            try {
                articles.changeState(summary.id(), ArticleState.APPROVED, "approved by moving the review marker into "
                        + preview.reviewDir().resolve("approved"));
                LOG.info("Article {} revision {} approved (review marker)", summary.id(), summary.revision());
                approved++;
            } finally {
                claims.release(summary.id());
            }
        }
        return approved;
    }

    private boolean review(String articleId) {
        Article source = articles.findArticle(articleId).orElseThrow();
        if (translationsOf(source).isEmpty()) {
            // polled every few seconds: say it once per revision, not on every poll
            if (warnedMissing.add(articleId + "-r" + source.revision())) LOG.warn("Article {} is translated but revision {} has no translation in the store; left as it is",
                    articleId, source.revision());
            return false;
        }
        if (!requireApproval) {
            articles.changeState(articleId, ArticleState.APPROVED, "no review required (tolk.publish.require-approval=false)");
            return true;
        }
        if (preview.isApproved(articleId, source.revision())) {
            articles.changeState(articleId, ArticleState.APPROVED, "this revision was approved before");
            return true;
        }
        Path page = writePage(articleId);
        articles.changeState(articleId, ArticleState.IN_REVIEW, "waiting for review: " + page);
        LOG.info("Article {} revision {} waits for review: {}", articleId, source.revision(), page);
        return true;
    }

    /** Writes the review page of the article's current revision, one pair per translation; null when it has none. */
    private Path writePage(String articleId) {
        Article source = articles.findArticle(articleId).orElseThrow();
        List<Translation> found = translationsOf(source);
        if (found.isEmpty()) return null;
        String sourceLanguage = PublishingRun.sourceLanguage(source.language());
        List<ReviewPreview.Target> targets = found.stream().map(translation -> new ReviewPreview.Target(
                translation.article().withLanguage(translation.language()), translation.qa().stream()
                        .map(finding -> ReviewNote.ofFinding(finding.level(), finding.check(), finding.message())).toList()))
                .toList();
        return preview.write(source.withLanguage(sourceLanguage), targets);
    }

    /**
     * The translations of the article's current revision, English first, then by language code (the order the review
     * page and publishing show them in); never one in the article's own language.
     */
    public static List<Translation> translationsOf(TranslationStore store, Article source) {
        if (store == null) return List.of();
        String sourceLanguage = PublishingRun.sourceLanguage(source.language());
        return store.findAll(source.id()).stream()
                .filter(t -> t.revision() == source.revision() && t.language() != null && !t.language().equals(sourceLanguage))
                .sorted(java.util.Comparator.comparing((Translation t) -> !t.language().equals("en")).thenComparing(Translation::language))
                .toList();
    }

    private List<Translation> translationsOf(Article source) {
        return translationsOf(translations.get(), source);
    }

}
