package no.tolk.publish;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import no.tolk.article.Article;
import no.tolk.article.ArticleState;
import no.tolk.publish.cms.CmsPublisher;
import no.tolk.publish.cms.CmsReceipt;
import no.tolk.publish.social.PostComposer;
import no.tolk.publish.social.SocialChannel;
import no.tolk.publish.social.SocialChannels;
import no.tolk.store.ArticleStore;
import no.tolk.store.ArticleSummary;
import no.tolk.translate.Translation;
import no.tolk.translate.TranslationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes approved articles: the CMS pair first, then each social channel in each of its languages.
 * One target failing never stops the others; the article ends PUBLISHED when every publication is done,
 * FAILED (with the causes) when any failed after its retries. Runs never overlap within a process.
 */
public class PublishingRun {

    private static final Logger LOG = LoggerFactory.getLogger(PublishingRun.class);
    private static final List<String> LANGUAGES = List.of("nb", "en");

    private final ArticleStore articles;
    private final Supplier<TranslationStore> translations;
    private final PublicationLedger ledger;
    private final SocialChannels channels;
    private final PublishSettings settings;
    private final CmsPair cms;
    private final SocialAnnouncer announcer;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();

    public PublishingRun(ArticleStore articles, Supplier<TranslationStore> translations, PublicationLedger ledger,
            CmsPublisher cmsPublisher, SocialChannels channels, PostComposer composer, PublishSettings settings,
            Pause pause, Clock clock) {
        this.articles = articles;
        this.translations = translations;
        this.ledger = ledger;
        this.channels = channels;
        this.settings = settings;
        TargetGates gates = new TargetGates(cmsPublisher.name().equals("wordpress") ? settings.concurrency() : 1);
        this.cms = new CmsPair(cmsPublisher, ledger, settings, pause, gates);
        this.announcer = new SocialAnnouncer(composer, ledger, settings, pause, gates, clock);
        this.clock = clock;
    }

    public PublishSettings settings() {
        return settings;
    }

    /** For the immediate mode's poller: publishes what is approved, unless the mode is nightly. */
    public int publishIfImmediate() throws InterruptedException {
        return settings.immediate() ? publishApproved() : 0;
    }

    /** For the poller (both modes): the immediate mode's publishing, then the retries that are due ({@link #retryDue}). */
    public int publishDue() throws InterruptedException {
        Set<String> handled = java.util.concurrent.ConcurrentHashMap.newKeySet();
        int published = settings.immediate() ? publishApproved(handled) : 0;
        return published + retryDue(false, handled);
    }

    /**
     * The nightly job (and {@code tolk publish-now}): failed publications are tried again, except those whose outcome
     * is unknown on a channel that cannot be searched (a person checks the account first), then everything approved is
     * published, then every publication waiting for its CMS post to become public is checked.
     */
    public int runNightly() throws InterruptedException {
        for (Publication failed : ledger.failed()) {
            if (SocialAnnouncer.waitsForPublic(failed)) continue;
            if (failed.outcomeUnknown() && !retriableWithoutPerson(failed)) continue;
            Optional<ArticleSummary> article = summary(failed.articleId());
            if (article.isPresent() && article.get().state().equals("failed") && article.get().revision() == failed.revision()) {
                ledger.resetFailed(failed.articleId());
                articles.changeState(failed.articleId(), ArticleState.APPROVED, "nightly run retries " + failed.target()
                        + "/" + failed.language() + " after: " + failed.lastError());
            }
        }
        // an article tried in this run is not tried again by its retry pass: once per article and command, counted once
        Set<String> handled = java.util.concurrent.ConcurrentHashMap.newKeySet();
        return publishApproved(handled) + retryDue(true, handled);
    }

    /**
     * Retries without a person what is safe to retry: publications that failed with an unknown outcome on a target that
     * is looked up before anything is created (the CMS; the outbox, Bluesky and X), once
     * {@code retrySchedule} says so after their last failed run, and social publications waiting for their CMS post
     * to become public. Returns how many articles ended PUBLISHED.
     *
     * @param now true to ignore the schedule (the nightly run)
     */
    public int retryDue(boolean now) throws InterruptedException {
        return retryDue(now, java.util.concurrent.ConcurrentHashMap.newKeySet());
    }

    /** As {@link #retryDue(boolean)}, leaving out the articles this run has already tried ({@code handled}). */
    private int retryDue(boolean now, Set<String> handled) throws InterruptedException {
        if (!running.tryLock()) return 0;
        try {
            java.time.Instant at = clock.instant();
            Set<String> due = new LinkedHashSet<>();
            List<Publication> failedPublications = ledger.failed();
            if (failedPublications.isEmpty()) return 0;
            Map<String, ArticleSummary> summaries = new java.util.HashMap<>();
            articles.listArticles().forEach(summary -> summaries.put(summary.id(), summary));
            for (Publication failed : failedPublications) {
                if (handled.contains(failed.articleId())) continue;
                Optional<ArticleSummary> article = Optional.ofNullable(summaries.get(failed.articleId()));
                if (article.isEmpty() || article.get().revision() != failed.revision()) continue;
                boolean waiting = SocialAnnouncer.waitsForPublic(failed);
                java.time.Duration after;
                if (waiting) {
                    if (!article.get().state().equals("published")) continue;
                    after = settings.retryAfterRun(2);
                } else {
                    if (!article.get().state().equals("failed") || !failed.outcomeUnknown() || !retriableWithoutPerson(failed)) continue;
                    int failedRuns = (failed.attempts() + settings.maxAttempts() - 1) / settings.maxAttempts();
                    after = settings.retryAfterRun(failedRuns);
                }
                if (now || !failed.updatedAt().plus(after).isAfter(at)) due.add(failed.articleId());
            }
            if (due.isEmpty()) return 0;
            for (String id : due) {
                Optional<ArticleSummary> article = Optional.ofNullable(summaries.get(id));
                if (article.isPresent() && article.get().state().equals("failed")) {
                    articles.changeState(id, ArticleState.APPROVED, "retried without a person: the last attempt's outcome is"
                            + " unknown and the target is looked up before anything is created");
                }
            }
            return publishAll(List.copyOf(due), handled);
        } finally {
            running.unlock();
        }
    }

    private static boolean retriableWithoutPerson(Publication publication) {
        return publication.target().equals(PublicationLedger.CMS) || SocialAnnouncer.retriableWithoutPerson(publication.target());
    }

    /** Publishes every approved article, {@code concurrency} at a time; returns how many ended PUBLISHED. */
    public int publishApproved() throws InterruptedException {
        return publishApproved(java.util.concurrent.ConcurrentHashMap.newKeySet());
    }

    /** As {@link #publishApproved()}, adding every article it tries to {@code handled}. */
    private int publishApproved(Set<String> handled) throws InterruptedException {
        if (!running.tryLock()) {
            LOG.info("A publishing run is already in progress; this one is skipped");
            return 0;
        }
        try {
            List<String> approved = articles.listArticles().stream()
                    .filter(article -> article.state().equals("approved")).map(ArticleSummary::id).toList();
            if (approved.isEmpty()) return 0;
            if (translations.get() == null) {
                LOG.warn("{} approved article(s) wait: no translation store is configured", approved.size());
                return 0;
            }
            return publishAll(approved, handled);
        } finally {
            running.unlock();
        }
    }

    private int publishAll(List<String> ids, Set<String> handled) throws InterruptedException {
        handled.addAll(ids);
        long started = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger published = new AtomicInteger();
        List<String> failed = new ArrayList<>();
        ExecutorService workers = Executors.newFixedThreadPool(Math.min(settings.concurrency(), ids.size()));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (String id : ids) {
                futures.add(workers.submit(() -> {
                    ArticleState outcome = publishSafely(id);
                    if (outcome == ArticleState.PUBLISHED) published.incrementAndGet();
                    else synchronized (failed) {
                        failed.add(id);
                    }
                    int count = done.incrementAndGet();
                    LOG.info("published {}/{} (article {}: {})", count, ids.size(), id, outcome == null ? "left approved" : outcome.label());
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    LOG.error("publishing worker failed: {}", e.getCause().toString(), e.getCause());
                }
            }
        } finally {
            workers.shutdownNow();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info("Publishing run done: {} article(s), {} published, {} not ({}), in {} ms", ids.size(), published.get(),
                failed.size(), failed, millis);
        return published.get();
    }

    private ArticleState publishSafely(String id) {
        try {
            return publish(id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (RuntimeException e) {
            LOG.error("Article {} could not be published and stays approved: {}", id, e.getMessage(), e);
            return null;
        }
    }

    /** Publishes one approved article to the CMS and every social channel; returns its new state. */
    public ArticleState publish(String articleId) throws InterruptedException {
        Article norwegian = articles.findArticle(articleId)
                .orElseThrow(() -> new IllegalArgumentException("no article with id " + articleId));
        TranslationStore store = translations.get();
        Optional<Article> english = store == null ? Optional.empty()
                : store.find(articleId, norwegian.revision(), "en").map(Translation::article);
        if (english.isEmpty()) {
            articles.changeState(articleId, ArticleState.FAILED, "no English translation of revision "
                    + norwegian.revision() + " in the translation store");
            return ArticleState.FAILED;
        }
        Article nb = norwegian.language() == null || !norwegian.language().equals("nb") ? norwegian.withLanguage("nb") : norwegian;
        Article en = english.get().withLanguage("en");
        Map<String, CmsReceipt> receipts = cms.publish(nb, en);
        for (String language : LANGUAGES) {
            CmsReceipt receipt = receipts.get(language);
            Article version = language.equals("nb") ? nb : en;
            List<SocialChannel> due = channels.all().stream()
                    .filter(channel -> channel.languages().contains(language) && announcer.due(channel, version)).toList();
            if (receipt == null || due.isEmpty()) continue;
            if (receipt.status().equals(CmsPair.UNKNOWN)) {
                receipt = cms.current(receipt);
                if (receipt == null) continue;
            }
            for (SocialChannel channel : due) {
                if (receipt.url() != null && !PublicAddress.isPublic(receipt.url())) {
                    // a local preview file: never announced; a person sets the base URL and retries
                    ledger.attemptStarted(articleId, channel.name(), language, version.revision());
                    ledger.attemptFailed(articleId, channel.name(), language, PublicAddress.WAITING.replace("ID", articleId), true, true);
                    continue;
                }
                // a link to a draft or a scheduled post answers 404 to the public: announce once readers can open it
                if (receipt.url() != null && receipt.publicAt(clock.instant())) announcer.announce(channel, version, receipt.url());
                else announcer.waitUntilPublic(channel, version, receipt.notPublicReason(clock.instant()));
            }
        }
        return conclude(nb);
    }

    private ArticleState conclude(Article article) {
        Set<String> problems = new LinkedHashSet<>();
        Set<String> waiting = new LinkedHashSet<>();
        for (String language : LANGUAGES) {
            Optional<Publication> row = ledger.find(article.id(), PublicationLedger.CMS, language);
            if (row.isEmpty() || !row.get().publishedAt(article.revision())) {
                problems.add("cms/" + language + ": " + row.map(Publication::lastError).orElse("not published"));
            }
        }
        for (SocialChannel channel : channels.all()) {
            for (String language : LANGUAGES) {
                if (!channel.languages().contains(language)) continue;
                Optional<Publication> row = ledger.find(article.id(), channel.name(), language);
                boolean done = row.isPresent() && row.get().state() == PublicationState.PUBLISHED
                        && (row.get().publishedAt(article.revision()) || !settings.reannounceRevisions());
                if (!done && row.isPresent() && SocialAnnouncer.waitsForPublic(row.get())) {
                    waiting.add(channel.name() + "/" + language);
                } else if (!done) {
                    problems.add(channel.name() + "/" + language + ": "
                            + row.map(Publication::lastError).orElse("waits for the CMS"));
                }
            }
        }
        if (problems.isEmpty() && !waiting.isEmpty()) {
            articles.changeState(article.id(), ArticleState.PUBLISHED, "published revision " + article.revision()
                    + " to the CMS, not public yet: " + String.join(", ", waiting) + " wait until the post is public");
            return ArticleState.PUBLISHED;
        }
        if (problems.isEmpty()) {
            articles.changeState(article.id(), ArticleState.PUBLISHED, "published revision " + article.revision()
                    + " to the CMS and " + channels.all().size() + " social channel(s)");
            return ArticleState.PUBLISHED;
        }
        articles.changeState(article.id(), ArticleState.FAILED, "publishing failed: " + String.join("; ", problems));
        return ArticleState.FAILED;
    }

    private Optional<ArticleSummary> summary(String articleId) {
        return articles.listArticles().stream().filter(a -> a.id().equals(articleId)).findFirst();
    }
}
