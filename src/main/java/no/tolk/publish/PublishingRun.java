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
import no.tolk.publish.cms.Language;
import no.tolk.publish.social.PostComposer;
import no.tolk.publish.social.SocialChannel;
import no.tolk.publish.social.SocialChannels;
import no.tolk.store.ArticleStore;
import no.tolk.store.ArticleSummary;
import no.tolk.store.WorkClaims;
import no.tolk.translate.Translation;
import no.tolk.translate.TranslationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes approved articles: the CMS translation group (source and every translation) first, then each social
 * channel in each of its languages that the article has.
 * One target failing never stops the others; the article ends PUBLISHED when every publication is done,
 * FAILED (with the causes) when any failed after its retries. Runs never overlap within a process.
 */
public class PublishingRun {

    private static final Logger LOG = LoggerFactory.getLogger(PublishingRun.class);

    private final ArticleStore articles;
    private final Supplier<TranslationStore> translations;
    private final PublicationLedger ledger;
    private final SocialChannels channels;
    private final PublishSettings settings;
    private final CmsGroup cms;
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
        this.cms = new CmsGroup(cmsPublisher, ledger, settings, pause, gates);
        this.announcer = new SocialAnnouncer(composer, ledger, settings, pause, gates, clock);
        this.clock = clock;
    }

    public PublishSettings settings() {
        return settings;
    }

    /**
     * For the immediate mode's poller: publishes what is approved, unless the mode is nightly. Skips this turn (returns
     * 0) while another run is in progress: the poller comes back a moment later.
     */
    public int publishIfImmediate() throws InterruptedException {
        if (!settings.immediate()) return 0;
        if (!running.tryLock()) {
            LOG.debug("A publishing run is in progress; the poller comes back at its next turn");
            return 0;
        }
        try {
            return publishApproved();
        } finally {
            running.unlock();
        }
    }

    /** For the poller (both modes): the immediate mode's publishing, then the retries that are due ({@link #retryDue}). */
    public int publishDue() throws InterruptedException {
        if (!running.tryLock()) {
            LOG.debug("A publishing run is in progress; the poller comes back at its next turn");
            return 0;
        }
        try {
            Set<String> handled = java.util.concurrent.ConcurrentHashMap.newKeySet();
            int published = settings.immediate() ? publishApproved(handled) : 0;
            return published + retryDue(false, handled);
        } finally {
            running.unlock();
        }
    }

    /**
     * The nightly job (and {@code tolk publish-now}): failed publications are tried again, except those whose outcome
     * is unknown on a channel that cannot be searched (a person checks the account first), then everything approved is
     * published, then every publication waiting for its CMS post to become public is checked. A run in progress (the
     * poller's check of due retries, for instance) is waited for, not taken as a reason to skip: the cron fires once.
     */
    public int runNightly() throws InterruptedException {
        // the lock is reentrant: publishApproved and retryDue below run under it, so no poller slips in between
        running.lockInterruptibly();
        try {
            return runNightlyLocked();
        } finally {
            running.unlock();
        }
    }

    private int runNightlyLocked() throws InterruptedException {
        WorkClaims claims = articles.claims();
        for (Publication failed : ledger.failed()) {
            if (SocialAnnouncer.waitsForPublic(failed)) continue;
            if (failed.outcomeUnknown() && !retriableWithoutPerson(failed)) continue;
            Optional<ArticleSummary> article = articles.findSummary(failed.articleId());
            if (article.isPresent() && article.get().state().equals("failed") && article.get().revision() == failed.revision()
                    && !claims.claimArticles("publish", ArticleState.FAILED, List.of(failed.articleId())).isEmpty()) {
                try {
                    ledger.resetFailed(failed.articleId());
                    articles.changeState(failed.articleId(), ArticleState.APPROVED, "nightly run retries " + failed.target()
                            + "/" + failed.language() + " after: " + failed.lastError());
                } finally {
                    claims.release(failed.articleId());
                }
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
            for (Publication failed : failedPublications) {
                if (!summaries.containsKey(failed.articleId())) {
                    articles.findSummary(failed.articleId()).ifPresent(summary -> summaries.put(summary.id(), summary));
                }
            }
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
            // claimed in the state they were seen in: an instance that got there first keeps them
            WorkClaims claims = articles.claims();
            List<String> claimed = new ArrayList<>();
            for (ArticleSummary article : claims.claimArticles("publish", ArticleState.FAILED, due)) {
                articles.changeState(article.id(), ArticleState.APPROVED, "retried without a person: the last attempt's outcome is"
                        + " unknown and the target is looked up before anything is created");
                claimed.add(article.id());
            }
            claims.claimArticles("publish", ArticleState.PUBLISHED, due).forEach(article -> claimed.add(article.id()));
            if (claimed.isEmpty()) return 0;
            return publishAll(claimed, handled);
        } finally {
            running.unlock();
        }
    }

    private static boolean retriableWithoutPerson(Publication publication) {
        return publication.target().equals(PublicationLedger.CMS) || SocialAnnouncer.retriableWithoutPerson(publication.target());
    }

    /**
     * Publishes every approved article, {@code concurrency} at a time; returns how many ended PUBLISHED. Approved
     * articles are claimed in batches ({@link WorkClaims}): those another instance holds are its to publish. Waits for
     * a run in progress (a poller's check, the nightly run) to end first: a person's "publish now" is never skipped.
     */
    public int publishApproved() throws InterruptedException {
        return publishApproved(java.util.concurrent.ConcurrentHashMap.newKeySet());
    }

    /** As {@link #publishApproved()}, adding every article it tries to {@code handled}. */
    private int publishApproved(Set<String> handled) throws InterruptedException {
        running.lockInterruptibly();
        try {
            WorkClaims claims = articles.claims();
            if (translations.get() == null) {
                int waiting = articles.listInState(ArticleState.APPROVED).size();
                if (waiting > 0) LOG.warn("{} approved article(s) wait: no translation store is configured", waiting);
                return 0;
            }
            int published = 0;
            Set<String> seen = new java.util.HashSet<>();
            List<ArticleSummary> batch;
            int size = Math.max(CLAIM_BATCH, settings.concurrency() * 2);
            while (seen.size() < MAX_PER_POLL && !(batch = claims.claimInState("publish", ArticleState.APPROVED, size, seen)).isEmpty()) {
                // an article this call left approved (an error) is not taken twice, also past the claim's exclusion list
                List<String> ids = batch.stream().map(ArticleSummary::id).filter(id -> !seen.contains(id)).toList();
                batch.stream().map(ArticleSummary::id).filter(seen::contains).forEach(claims::release);
                if (ids.isEmpty()) break;
                seen.addAll(ids);
                published += publishAll(ids, handled);
            }
            return published;
        } finally {
            running.unlock();
        }
    }

    /** Articles claimed at a time (at least), and most articles one call takes on (the next poll goes on). */
    static final int CLAIM_BATCH = 8;
    static final int MAX_PER_POLL = 100_000;

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

    /** Publishes one article this instance has claimed, then releases it. */
    private ArticleState publishSafely(String id) {
        try {
            return publishClaimed(id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (RuntimeException e) {
            LOG.error("Article {} could not be published and stays approved: {}", id, e.getMessage(), e);
            return null;
        } finally {
            articles.claims().release(id);
        }
    }

    /**
     * Publishes one approved article to the CMS and every social channel, under a claim taken for it, in its own
     * language ({@code nb}, or {@code nn} for a Nynorsk article; anything else is published as {@code nb}) and in every
     * language the translation store holds a translation of its current revision in; returns its new state, or null
     * when another instance (or another thread) holds the article.
     */
    public ArticleState publish(String articleId) throws InterruptedException {
        WorkClaims claims = articles.claims();
        if (!claims.claim("publish", articleId)) {
            LOG.info("Article {} is being worked on by {}; not published here", articleId, holder(articleId));
            return null;
        }
        try {
            return publishClaimed(articleId);
        } finally {
            claims.release(articleId);
        }
    }

    private String holder(String articleId) {
        return articles.claims().current().stream().filter(claim -> claim.articleId().equals(articleId))
                .map(WorkClaims.Claim::owner).findFirst().orElse("another instance");
    }

    /** Publishes an article this instance holds the claim on; nothing goes out for an article it does not hold. */
    private ArticleState publishClaimed(String articleId) throws InterruptedException {
        if (!articles.claims().holds(articleId)) {
            LOG.warn("Article {} is not claimed by this instance ({}) or its lease ran out; not published here", articleId,
                    articles.claims().owner());
            return null;
        }
        Article original = articles.findArticle(articleId)
                .orElseThrow(() -> new IllegalArgumentException("no article with id " + articleId));
        Article source = original.withLanguage(sourceLanguage(original.language()));
        List<Article> targets = translationsOf(source);
        if (targets.isEmpty()) {
            articles.changeState(articleId, ArticleState.FAILED, "no translation of revision "
                    + source.revision() + " in the translation store");
            return ArticleState.FAILED;
        }
        List<Article> versions = new ArrayList<>();
        versions.add(source);
        versions.addAll(targets);
        Map<String, CmsReceipt> receipts = cms.publish(source, targets);
        for (Article version : versions) {
            String language = version.language();
            CmsReceipt receipt = receipts.get(language);
            List<SocialChannel> due = channels.all().stream()
                    .filter(channel -> channel.languages().contains(language) && announcer.due(channel, version)).toList();
            if (receipt == null || due.isEmpty()) continue;
            if (receipt.status().equals(CmsGroup.UNKNOWN)) {
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
        return conclude(source, versions.stream().map(Article::language).toList());
    }

    /** {@code nn} stays Nynorsk; every other source language (Bokmål, or none recorded) is published as {@code nb}. */
    public static String sourceLanguage(String language) {
        try {
            return language != null && Language.normalise(language).equals("nn") ? "nn" : "nb";
        } catch (IllegalArgumentException e) {
            return "nb";
        }
    }

    /** The stored translations of the article's revision, English first, then by language code; never its own language. */
    private List<Article> translationsOf(Article source) {
        TranslationStore store = translations.get();
        if (store == null) return List.of();
        Map<String, Article> byLanguage = new java.util.TreeMap<>((a, b) -> a.equals(b) ? 0
                : a.equals("en") ? -1 : b.equals("en") ? 1 : a.compareTo(b));
        for (Translation translation : store.findAll(source.id())) {
            if (translation.revision() != source.revision() || translation.language() == null) continue;
            String language;
            try {
                language = Language.normalise(translation.language());
            } catch (IllegalArgumentException e) {
                LOG.warn("Article {}: translation with unusable language '{}' is not published", source.id(), translation.language());
                continue;
            }
            if (!language.equals(source.language())) byLanguage.put(language, translation.article().withLanguage(language));
        }
        return List.copyOf(byLanguage.values());
    }

    private ArticleState conclude(Article article, List<String> languages) {
        Set<String> problems = new LinkedHashSet<>();
        Set<String> waiting = new LinkedHashSet<>();
        for (String language : languages) {
            Optional<Publication> row = ledger.find(article.id(), PublicationLedger.CMS, language);
            if (row.isEmpty() || !row.get().publishedAt(article.revision())) {
                problems.add("cms/" + language + ": " + row.map(Publication::lastError).orElse("not published"));
            }
        }
        for (SocialChannel channel : channels.all()) {
            for (String language : languages) {
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
                    + " (" + String.join(", ", languages) + ") to the CMS and " + channels.all().size() + " social channel(s)");
            return ArticleState.PUBLISHED;
        }
        articles.changeState(article.id(), ArticleState.FAILED, "publishing failed: " + String.join("; ", problems));
        return ArticleState.FAILED;
    }

}
