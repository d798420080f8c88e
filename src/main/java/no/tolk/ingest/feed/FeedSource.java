package no.tolk.ingest.feed;

import java.time.Instant;

/** What Tolk remembers about one feed URL: its health, its backoff and the validators for a conditional GET. */
public record FeedSource(
        String url,
        Instant lastPolledAt,
        Instant lastSuccessAt,
        String lastError,
        Instant lastErrorAt,
        int consecutiveFailures,
        Instant nextPollAt,
        String etag,
        String lastModified) {

    public static FeedSource unseen(String url) {
        return new FeedSource(url, null, null, null, null, 0, null, null, null);
    }

    public boolean failing() {
        return consecutiveFailures > 0;
    }

    public boolean backingOff(Instant now) {
        return nextPollAt != null && now.isBefore(nextPollAt);
    }
}
