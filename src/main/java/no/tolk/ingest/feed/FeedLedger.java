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
}
