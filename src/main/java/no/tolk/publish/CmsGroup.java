package no.tolk.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.tolk.article.Article;
import no.tolk.publish.cms.CmsException;
import no.tolk.publish.cms.CmsPublisher;
import no.tolk.publish.cms.CmsRateLimitedException;
import no.tolk.publish.cms.CmsReceipt;
import no.tolk.publish.cms.CmsRejectedException;
import no.tolk.publish.cms.Counterpart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes an article's language versions to the CMS as one linked translation group: the source (Bokmål or
 * Nynorsk) first, then each translation (linking to the source and to the translations published before it), then
 * the source again (linking to every translation), recording each receipt. The stored external id is passed back on
 * every call; without one the publisher looks the post up by its marker, so a call whose outcome was lost (a crash, a
 * timeout) never creates a second post. Each language has its own ledger row (article, {@code cms}, language).
 */
final class CmsGroup {

    private static final Logger LOG = LoggerFactory.getLogger(CmsGroup.class);
    private static final String CMS = PublicationLedger.CMS;

    private final CmsPublisher cms;
    private final PublicationLedger ledger;
    private final PublishSettings settings;
    private final Pause pause;
    private final TargetGates gates;

    CmsGroup(CmsPublisher cms, PublicationLedger ledger, PublishSettings settings, Pause pause, TargetGates gates) {
        this.cms = cms;
        this.ledger = ledger;
        this.settings = settings;
        this.pause = pause;
        this.gates = gates;
    }

    /**
     * @param source the article in its own language ({@code nb} or {@code nn})
     * @param translations its translations of the same revision, one per target language, in publishing order
     * @return the receipt per language that the CMS confirmed (none for a language that failed); a language already
     *         published at this revision has the stored id and address, as a receipt of a public version (ask
     *         {@link #current} when that matters)
     */
    Map<String, CmsReceipt> publish(Article source, List<Article> translations) throws InterruptedException {
        Map<String, CmsReceipt> receipts = new LinkedHashMap<>();
        List<Article> versions = new ArrayList<>();
        versions.add(source);
        versions.addAll(translations);
        // a local preview address (no tolk.cms.static.base-url then) is published again, to get the public one once set
        Map<String, Publication> done = new LinkedHashMap<>();
        for (Article version : versions) {
            ledger.find(version.id(), CMS, version.language())
                    .filter(p -> p.publishedAt(version.revision()) && PublicAddress.isPublic(p.url()))
                    .ifPresent(p -> done.put(version.language(), p));
        }
        if (done.size() == versions.size()) {
            done.forEach((language, publication) -> receipts.put(language, stored(publication)));
            return receipts;
        }
        List<Counterpart> unpublished = translations.stream()
                .map(translation -> Counterpart.unpublished(translation.language(), translation.title())).toList();
        CmsReceipt first = call(source, unpublished, false);
        if (first == null) return receipts;
        Map<String, Counterpart> known = new LinkedHashMap<>();
        known.put(source.language(), new Counterpart(source.language(), source.title(), first.externalId(), first.url()));
        translations.forEach(translation -> known.put(translation.language(),
                Counterpart.unpublished(translation.language(), translation.title())));
        for (Article translation : translations) {
            CmsReceipt receipt = call(translation, othersThan(translation.language(), known), true);
            if (receipt == null) continue;
            receipts.put(translation.language(), receipt);
            known.put(translation.language(), new Counterpart(translation.language(), translation.title(), receipt.externalId(), receipt.url()));
        }
        if (receipts.isEmpty()) return receipts;
        CmsReceipt linked = call(source, othersThan(source.language(), known), true);
        if (linked != null) receipts.put(source.language(), linked);
        Map<String, CmsReceipt> ordered = new LinkedHashMap<>();
        versions.forEach(version -> {
            if (receipts.containsKey(version.language())) ordered.put(version.language(), receipts.get(version.language()));
        });
        return ordered;
    }

    private static List<Counterpart> othersThan(String language, Map<String, Counterpart> known) {
        return known.entrySet().stream().filter(entry -> !entry.getKey().equals(language)).map(Map.Entry::getValue).toList();
    }

    /** Where a published version stands now (a person may have published the draft); null when the CMS cannot say. */
    CmsReceipt current(CmsReceipt stored) throws InterruptedException {
        try {
            return gates.through(CMS, () -> cms.current(stored.externalId(), stored.url()));
        } catch (CmsException | RuntimeException e) {
            LOG.warn("{} could not say whether post {} is public: {}", cms.name(), stored.externalId(), e.getMessage());
            return null;
        }
    }

    /**
     * A receipt from the ledger: public when the post was public when published, else of unknown visibility
     * ({@link #UNKNOWN}) until {@link #current} is asked.
     */
    private static CmsReceipt stored(Publication publication) {
        String id = publication.externalId() == null ? "unknown" : publication.externalId();
        if (publication.lastError() == null || !publication.lastError().startsWith(NOT_PUBLIC)) return new CmsReceipt(id, publication.url());
        return new CmsReceipt(id, publication.url(), UNKNOWN, null);
    }

    static final String UNKNOWN = "unknown";
    private static final String NOT_PUBLIC = "published, not public yet: ";

    /** One CMS call with retries; null when it failed for good (recorded in the ledger). */
    private CmsReceipt call(Article article, List<Counterpart> counterparts, boolean completes) throws InterruptedException {
        String id = article.id();
        String language = article.language();
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= settings.maxAttempts();
            String externalId = ledger.find(id, CMS, language).map(Publication::externalId).orElse(null);
            ledger.attemptStarted(id, CMS, language, article.revision());
            Duration wait = settings.backoff(attempt + 1);
            String error;
            try {
                CmsReceipt receipt = gates.through(CMS, () -> cms.publishLinked(article, counterparts, externalId));
                if (completes) {
                    // the note tells a later run that the post was not public when published, so it asks the CMS again
                    String note = receipt.publicFrom() == null || !receipt.publicFrom().equals(java.time.Instant.EPOCH)
                            ? NOT_PUBLIC + receipt.notPublicReason() : null;
                    ledger.published(id, CMS, language, article.revision(), receipt.externalId(), receipt.url(), note);
                } else {
                    ledger.received(id, CMS, language, receipt.externalId(), receipt.url());
                }
                return receipt;
            } catch (CmsRejectedException e) {
                ledger.attemptFailed(id, CMS, language, cms.name() + " refused " + language + ": " + e.getMessage(), true, true);
                return null;
            } catch (CmsRateLimitedException e) {
                Duration asked = e.retryAfter().orElse(Duration.ZERO);
                boolean giveUp = last || asked.compareTo(settings.maxRateLimitWait()) > 0;
                error = cms.name() + " rate limit: " + e.getMessage();
                ledger.attemptFailed(id, CMS, language, error, true, giveUp);
                if (giveUp) return null;
                if (asked.compareTo(wait) > 0) wait = asked;
            } catch (CmsException | RuntimeException e) {
                // a timeout or 5xx may still have created the post: keep the outcome unknown, the next call looks it up
                error = cms.name() + " failed for " + language + ": " + e.getMessage();
                ledger.attemptFailed(id, CMS, language, error, false, last);
                if (last) return null;
            }
            LOG.warn("CMS attempt {} for article {} ({}) failed, retrying in {} ms: {}", attempt, id, language, wait.toMillis(), error);
            pause.pause(wait);
        }
    }
}
