package no.tolk.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import no.tolk.store.Database;
import org.junit.jupiter.api.Test;

/** One instance polls a feed at a time (issue 15): the claim on a feed's poll in the shared ledger (V42). */
class FeedClaimTest {

    private static final String FEED = "https://example.no/feed/";
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(10);

    @Test
    void aFeedIsClaimedByOneInstanceUntilReleasedOrItsClaimRunsOut() {
        DataSource database = Database.open("jdbc:h2:mem:feed-claims;DB_CLOSE_DELAY=-1", "", "");
        JdbcFeedLedger ledger = new JdbcFeedLedger(database);

        assertThat(ledger.claimPoll(FEED, "node-1", NOW, NOW.plus(LEASE))).as("a feed never polled").isTrue();
        assertThat(ledger.findSource(FEED)).as("its row exists for the claim").isPresent();
        assertThat(ledger.claimPoll(FEED, "node-2", NOW.plusSeconds(1), NOW.plus(LEASE))).as("held by node-1").isFalse();
        assertThat(ledger.claimPoll(FEED, "node-1", NOW.plusSeconds(2), NOW.plus(LEASE))).as("the holder again").isTrue();

        ledger.releasePoll(FEED, "node-2");
        assertThat(ledger.claimPoll(FEED, "node-3", NOW.plusSeconds(3), NOW.plus(LEASE))).as("only the holder releases").isFalse();
        ledger.releasePoll(FEED, "node-1");
        assertThat(ledger.claimPoll(FEED, "node-2", NOW.plusSeconds(4), NOW.plus(LEASE))).as("released").isTrue();

        // node-2 dies mid-poll: its claim is free once it has run out, not before
        Instant ranOut = NOW.plus(LEASE).plusSeconds(1);
        assertThat(ledger.claimPoll(FEED, "node-3", NOW.plus(LEASE).minusSeconds(1), ranOut.plus(LEASE))).isFalse();
        assertThat(ledger.claimPoll(FEED, "node-3", ranOut, ranOut.plus(LEASE))).isTrue();
        ledger.saveSource(new FeedSource(FEED, ranOut, ranOut, null, null, 0, null, "\"v2\"", null));
        assertThat(ledger.findSource(FEED)).hasValueSatisfying(source -> assertThat(source.etag())
                .as("the conditional GET state is shared through the same row").isEqualTo("\"v2\""));
    }
}
