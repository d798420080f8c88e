package no.tolk.publish;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import no.tolk.article.Article;
import no.tolk.publish.social.ChannelRateLimitedException;
import no.tolk.publish.social.ChannelUnavailableException;
import no.tolk.publish.social.DuplicatePostException;
import no.tolk.publish.social.PostComposer;
import no.tolk.publish.social.PostReceipt;
import no.tolk.publish.social.PostRejectedException;
import no.tolk.publish.social.SocialChannel;
import no.tolk.publish.social.SocialException;
import no.tolk.publish.social.SocialPost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces one language version on one channel, at most once. A revision is not announced again unless
 * {@code reannounceRevisions} (then edited where the channel can, else posted anew). When an earlier attempt's
 * outcome is unknown, the channel is asked first ({@code find}); a channel that can neither find its posts nor
 * ignore a repeated request is not called again until a person has checked it and run {@code tolk retry}.
 */
final class SocialAnnouncer {

    private static final Logger LOG = LoggerFactory.getLogger(SocialAnnouncer.class);
    /** Mastodon keeps an Idempotency-Key for one hour; leave a margin. */
    private static final Duration MASTODON_IDEMPOTENCY = Duration.ofMinutes(55);

    private final PostComposer composer;
    private final PublicationLedger ledger;
    private final PublishSettings settings;
    private final Pause pause;
    private final TargetGates gates;
    private final Clock clock;

    SocialAnnouncer(PostComposer composer, PublicationLedger ledger, PublishSettings settings, Pause pause,
            TargetGates gates, Clock clock) {
        this.composer = composer;
        this.ledger = ledger;
        this.settings = settings;
        this.pause = pause;
        this.gates = gates;
        this.clock = clock;
    }

    /** Whether this channel and language still need a post for this revision. */
    boolean due(SocialChannel channel, Article article) {
        Optional<Publication> row = ledger.find(article.id(), channel.name(), article.language());
        if (row.isEmpty()) return true;
        Publication earlier = row.get();
        if (earlier.state() != PublicationState.PUBLISHED) return true;
        return settings.reannounceRevisions() && !earlier.publishedAt(article.revision());
    }

    /** How a social publication waiting for its CMS post to become public is recognised in the ledger. */
    static final String WAITS_FOR_PUBLIC = "waits until the CMS post is public";

    /** Whether this FAILED row only waits for its CMS post to become public (not a failure a person must act on). */
    static boolean waitsForPublic(Publication row) {
        return row.state() == PublicationState.FAILED && row.lastError() != null && row.lastError().startsWith(WAITS_FOR_PUBLIC);
    }

    /**
     * The CMS post is not public yet (a draft, or scheduled): nothing is posted, since the link would answer 404; the
     * publication is recorded as waiting, with the reason, and the scheduled retries ask the CMS again.
     */
    void waitUntilPublic(SocialChannel channel, Article article, String reason) {
        String target = channel.name();
        if (ledger.find(article.id(), target, article.language()).isEmpty()) {
            ledger.attemptStarted(article.id(), target, article.language(), article.revision());
        }
        ledger.attemptFailed(article.id(), target, article.language(), WAITS_FOR_PUBLIC + " (" + reason
                + "); it is announced by the first publishing run after that", true, true);
    }

    /**
     * Whether a publication whose outcome is unknown may be tried again without a person checking the account: the
     * outbox, Bluesky and X (see {@link #repeatable}); Mastodon, LinkedIn and Facebook need a person.
     */
    static boolean retriableWithoutPerson(String target) {
        return target.startsWith("outbox-") || target.equals("bluesky") || target.equals("x");
    }

    void announce(SocialChannel channel, Article article, String url) throws InterruptedException {
        if (!due(channel, article)) return;
        String id = article.id();
        String target = channel.name();
        String language = article.language();
        SocialPost post;
        try {
            post = composer.compose(article, URI.create(url), channel);
        } catch (IllegalArgumentException e) {
            ledger.attemptStarted(id, target, language, article.revision());
            ledger.attemptFailed(id, target, language, target + ": " + e.getMessage(), true, true);
            return;
        }
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= settings.maxAttempts();
            Publication row = ledger.find(id, target, language).orElse(null);
            try {
                if (row != null && row.outcomeUnknown()) {
                    Optional<PostReceipt> found = gates.through(target, () -> channel.find(post));
                    if (found.isPresent()) {
                        ledger.published(id, target, language, article.revision(), found.get().externalId(),
                                url(found.get()), null);
                        return;
                    }
                    if (!repeatable(channel, row)) {
                        ledger.attemptFailed(id, target, language, target + ": the outcome of the attempt at "
                                + row.attemptStartedAt() + " is unknown and " + target + " cannot look its posts up;"
                                + " check the account, then run 'tolk retry " + id + "' to post", false, true);
                        return;
                    }
                }
                boolean edit = row != null && row.everPublished() && row.externalId() != null && channel.canUpdate();
                ledger.attemptStarted(id, target, language, article.revision());
                PostReceipt receipt = gates.through(target, () -> edit ? channel.update(row.externalId(), post) : channel.post(post));
                ledger.published(id, target, language, article.revision(), receipt.externalId(), url(receipt), null);
                return;
            } catch (DuplicatePostException e) {
                ledger.published(id, target, language, article.revision(), null, null,
                        target + " refused a duplicate: announced before");
                return;
            } catch (PostRejectedException e) {
                ledger.attemptFailed(id, target, language, e.getMessage(), true, true);
                return;
            } catch (ChannelRateLimitedException e) {
                Duration asked = e.resetAt().map(reset -> Duration.between(Instant.now(clock), reset)).orElse(Duration.ZERO);
                boolean giveUp = last || asked.compareTo(settings.maxRateLimitWait()) > 0;
                ledger.attemptFailed(id, target, language, e.getMessage(), true, giveUp);
                if (giveUp) return;
                waitBeforeRetry(target, id, language, attempt, asked, e.getMessage());
            } catch (SocialException | RuntimeException e) {
                // a timeout or a gateway error may hide a post that was made: the outcome stays unknown and the
                // next attempt asks first; a 500/503 answer from the service itself means nothing was posted
                ledger.attemptFailed(id, target, language, e.getMessage(), serviceRefused(e), last);
                if (last) return;
                waitBeforeRetry(target, id, language, attempt, Duration.ZERO, e.getMessage());
            }
        }
    }

    private static boolean serviceRefused(Exception failure) {
        return failure instanceof ChannelUnavailableException unavailable
                && (unavailable.status() == 500 || unavailable.status() == 503 || unavailable.status() == 408);
    }

    private void waitBeforeRetry(String target, String id, String language, int attempt, Duration atLeast, String error)
            throws InterruptedException {
        Duration wait = settings.backoff(attempt + 1);
        if (atLeast.compareTo(wait) > 0) wait = atLeast;
        LOG.warn("{} attempt {} for article {} ({}) failed, retrying in {} ms: {}", target, attempt, id, language, wait.toMillis(), error);
        pause.pause(wait);
    }

    /**
     * Whether posting again cannot make a second post: the outbox rewrites the same files, Bluesky writes the
     * same record key, X refuses duplicate text, Mastodon honours the Idempotency-Key for an hour.
     */
    private boolean repeatable(SocialChannel channel, Publication row) {
        String name = channel.name();
        if (name.startsWith("outbox-") || name.equals("bluesky") || name.equals("x")) return true;
        return name.equals("mastodon")
                && Duration.between(row.attemptStartedAt(), Instant.now(clock)).compareTo(MASTODON_IDEMPOTENCY) < 0;
    }

    private static String url(PostReceipt receipt) {
        return receipt.url() == null ? null : receipt.url().toString();
    }
}
