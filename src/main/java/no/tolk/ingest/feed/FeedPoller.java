package no.tolk.ingest.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the configured feeds: one feed's trouble never stops another feed or the inbox, is logged once per outage
 * (and once when it ends), and makes that feed wait, doubling the wait up to a cap, before it is asked again.
 * Never throws: the timer route and {@code tolk once} call it.
 */
public class FeedPoller {

    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

    private final List<String> feeds;
    private final FeedLedger ledger;
    private final PageFetcher fetcher;
    private final FeedReader reader;
    private final FeedItemImporter importer;
    private final Clock clock;
    private final Duration interval;
    private final Duration maxBackoff;
    private final Map<String, Instant> lastPolled = new ConcurrentHashMap<>();
    private final String owner;
    private final Duration claimLease;

    /** A poller alone on its store (the embedded single-node mode and tests). */
    public FeedPoller(List<String> feeds, FeedLedger ledger, PageFetcher fetcher, FeedReader reader,
                      FeedItemImporter importer, Clock clock, Duration interval, Duration maxBackoff) {
        this(feeds, ledger, fetcher, reader, importer, clock, interval, maxBackoff, "local", Duration.ofMinutes(10));
    }

    /**
     * @param owner      this instance's {@code tolk.instance.id}: each poll of a feed is claimed in the ledger under it,
     *                   so instances sharing the store poll a feed one at a time (issue 15)
     * @param claimLease how long a claim on one feed's poll holds; a claim left by an instance that died mid-poll is
     *                   free again after it
     */
    public FeedPoller(List<String> feeds, FeedLedger ledger, PageFetcher fetcher, FeedReader reader,
                      FeedItemImporter importer, Clock clock, Duration interval, Duration maxBackoff,
                      String owner, Duration claimLease) {
        this.owner = owner;
        this.claimLease = claimLease;
        this.feeds = List.copyOf(feeds);
        this.ledger = ledger;
        this.fetcher = fetcher;
        this.reader = reader;
        this.importer = importer;
        this.clock = clock;
        this.interval = interval;
        this.maxBackoff = maxBackoff;
    }

    public List<String> feeds() {
        return feeds;
    }

    /**
     * For the timer: every feed not backing off and not polled in the last half interval
     * (so a poll by {@code tolk once} right after start is not repeated by the first tick).
     */
    public synchronized PollReport pollDue() {
        return poll(true);
    }

    /** For {@code tolk once}: every configured feed now, except those still backing off after failures. */
    public synchronized PollReport pollAllNow() {
        return poll(false);
    }

    private PollReport poll(boolean onlyDue) {
        PollReport.Tally tally = new PollReport.Tally();
        for (String url : feeds) {
            Instant now = clock.instant();
            Instant previous = lastPolled.get(url);
            if (onlyDue && previous != null && now.isBefore(previous.plus(interval.dividedBy(2)))) continue;
            try {
                if (!ledger.claimPoll(url, owner, now, now.plus(claimLease))) {
                    LOG.debug("Feed {} is being polled by another instance", url);
                    continue;
                }
                try {
                    pollFeed(url, now, tally, onlyDue);
                } finally {
                    ledger.releasePoll(url, owner);
                }
            } catch (RuntimeException e) {
                // e.g. the database is gone: this feed is not marked, the next round tries again
                tally.failed++;
                LOG.error("Polling feed {} failed unexpectedly: {}", url, e.toString(), e);
            }
            lastPolled.put(url, now);
        }
        PollReport report = tally.report();
        if (report.feedsFailed() > 0 || report.stored().size() > 0 || report.count(ItemOutcome.SKIPPED) > 0) {
            LOG.info("Feeds: {}", report);
        }
        return report;
    }

    private void pollFeed(String url, Instant now, PollReport.Tally tally, boolean onlyDue) {
        FeedSource source = ledger.findSource(url).orElse(FeedSource.unseen(url));
        // another instance sharing the store polled it moments ago (the ledger is the cluster's memory)
        if (onlyDue && source.lastPolledAt() != null && now.isBefore(source.lastPolledAt().plus(interval.dividedBy(2)))) return;
        if (source.backingOff(now)) {
            tally.waiting++;
            LOG.debug("Feed {} waits until {} after {} failed polls", url, source.nextPollAt(), source.consecutiveFailures());
            return;
        }
        tally.polled++;
        FetchedPage page;
        List<FeedItem> items;
        try {
            page = fetcher.fetch(url, PageFetcher.FEED_ACCEPT, source.etag(), source.lastModified());
            items = page.notModified() ? List.of() : reader.read(url, page);
        } catch (FeedFailure failure) {
            tally.failed++;
            recordFailure(source, failure, now);
            return;
        }
        boolean allDone = true;
        for (FeedItem item : items) {
            FeedItemImporter.Imported imported;
            try {
                imported = importer.importItem(item);
            } catch (RuntimeException e) {
                LOG.error("Feed item {} from {} failed: {}", item.link(), url, e.toString(), e);
                imported = new FeedItemImporter.Imported(ItemOutcome.FAILED, null, e.toString());
            }
            tally.add(imported);
            allDone &= imported.outcome() != ItemOutcome.FAILED;
        }
        if (source.failing()) {
            LOG.info("Feed {} works again after {} failed polls", url, source.consecutiveFailures());
        }
        // validators only when every item is done: a 304 next time must not hide an item that still needs a retry
        ledger.saveSource(new FeedSource(url, now, now, source.lastError(), source.lastErrorAt(), 0, null,
                allDone ? page.etag() : null, allDone ? page.lastModified() : null));
    }

    private void recordFailure(FeedSource source, FeedFailure failure, Instant now) {
        int failures = source.consecutiveFailures() + 1;
        Duration wait = backoff(failures);
        if (failure.retryAfter() != null && failure.retryAfter().compareTo(wait) > 0) {
            wait = failure.retryAfter().compareTo(maxBackoff) > 0 ? maxBackoff : failure.retryAfter();
        }
        Instant next = now.plus(wait);
        if (failures == 1) {
            LOG.warn("Feed {} is failing: {}. Tolk tries again after {} and waits longer while it keeps failing;"
                    + " other feeds and the inbox go on.", source.url(), failure.getMessage(), next);
        } else {
            LOG.debug("Feed {} still failing ({} times): {}", source.url(), failures, failure.getMessage());
        }
        ledger.saveSource(new FeedSource(source.url(), now, source.lastSuccessAt(), failure.getMessage(), now, failures,
                next, source.etag(), source.lastModified()));
    }

    /** The interval after the first failure, doubled with each further failure, at most the cap. */
    Duration backoff(int failures) {
        Duration wait = interval;
        for (int i = 1; i < failures && wait.compareTo(maxBackoff) < 0; i++) wait = wait.multipliedBy(2);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
