package no.tolk.ingest.feed;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Persistent memory of feeds and feed items, so that restarts never re-import or skip an item. */
public interface FeedLedger {

    Optional<FeedSource> findSource(String url);

    List<FeedSource> listSources();

    void saveSource(FeedSource source);

    Optional<SeenItem> findItem(String itemKey);

    void saveItem(SeenItem item, Instant at);

    /**
     * Claims {@code url} for one poll by {@code owner} (a {@code tolk.instance.id}) until {@code until}, so that
     * instances sharing the store poll each feed one at a time (issue 15). True when the feed was free, its claim
     * had run out (its holder died mid-poll) or {@code owner} already held it. The default, for a ledger only one
     * process uses, always grants it.
     */
    default boolean claimPoll(String url, String owner, Instant now, Instant until) {
        return true;
    }

    /** Gives up {@code owner}'s claim on {@code url} (no-op when another instance holds it). */
    default void releasePoll(String url, String owner) {
    }
}
