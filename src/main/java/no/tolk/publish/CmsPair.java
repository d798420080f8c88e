package no.tolk.publish;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
 * Publishes the Norwegian article and its English translation to the CMS as a linked pair: Norwegian, then
 * English (linking to the Norwegian), then Norwegian again (linking to the English), recording each receipt.
 * The stored external id is passed back on every call; without one the publisher looks the post up by slug,
 * so a call whose outcome was lost (a crash, a timeout) never creates a second post.
 */
final class CmsPair {

    private static final Logger LOG = LoggerFactory.getLogger(CmsPair.class);
    private static final String CMS = PublicationLedger.CMS;

    private final CmsPublisher cms;
    private final PublicationLedger ledger;
    private final PublishSettings settings;
    private final Pause pause;
    private final TargetGates gates;

    CmsPair(CmsPublisher cms, PublicationLedger ledger, PublishSettings settings, Pause pause, TargetGates gates) {
        this.cms = cms;
        this.ledger = ledger;
        this.settings = settings;
        this.pause = pause;
        this.gates = gates;
    }

    /**
     * @return the receipt per language that the CMS confirmed (none for a language that failed); a language already
     *         published at this revision has the stored id and address, as a receipt of a public version (ask
     *         {@link #current} when that matters)
     */
    Map<String, CmsReceipt> publish(Article norwegian, Article english) throws InterruptedException {
        Map<String, CmsReceipt> receipts = new LinkedHashMap<>();
        Optional<Publication> nbDone = ledger.find(norwegian.id(), CMS, "nb").filter(p -> p.publishedAt(norwegian.revision()));
        Optional<Publication> enDone = ledger.find(english.id(), CMS, "en").filter(p -> p.publishedAt(english.revision()));
        // a local preview address (no tolk.cms.static.base-url then) is published again, to get the public one once set
        if (nbDone.isPresent() && enDone.isPresent() && PublicAddress.isPublic(nbDone.get().url()) && PublicAddress.isPublic(enDone.get().url())) {
            receipts.put("nb", stored(nbDone.get()));
            receipts.put("en", stored(enDone.get()));
            return receipts;
        }
        CmsReceipt nb = call(norwegian, Counterpart.unpublished("en", english.title()), false);
        if (nb == null) return receipts;
        CmsReceipt en = call(english, new Counterpart("nb", norwegian.title(), nb.externalId(), nb.url()), true);
        if (en == null) return receipts;
        receipts.put("en", en);
        CmsReceipt linked = call(norwegian, new Counterpart("en", english.title(), en.externalId(), en.url()), true);
        if (linked != null) receipts.put("nb", linked);
        return receipts;
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
    private CmsReceipt call(Article article, Counterpart counterpart, boolean completes) throws InterruptedException {
        String id = article.id();
        String language = article.language();
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= settings.maxAttempts();
            String externalId = ledger.find(id, CMS, language).map(Publication::externalId).orElse(null);
            ledger.attemptStarted(id, CMS, language, article.revision());
            Duration wait = settings.backoff(attempt + 1);
            String error;
            try {
                CmsReceipt receipt = gates.through(CMS, () -> cms.publish(article, counterpart, externalId));
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
