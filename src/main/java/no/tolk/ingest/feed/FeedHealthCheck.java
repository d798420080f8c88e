package no.tolk.ingest.feed;

import java.util.List;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness check "feeds": DOWN while any configured feed is failing, with each feed's last success and last error
 * in the details. Not a liveness check: a broken feed elsewhere is no reason to restart Tolk.
 */
public class FeedHealthCheck extends AbstractHealthCheck {

    private final List<String> feeds;
    private final FeedLedger ledger;

    public FeedHealthCheck(List<String> feeds, FeedLedger ledger) {
        super("tolk", "feeds");
        this.feeds = List.copyOf(feeds);
        this.ledger = ledger;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        int failing = 0;
        for (String url : feeds) {
            FeedSource source = ledger.findSource(url).orElse(FeedSource.unseen(url));
            builder.detail(url + ".last-success", source.lastSuccessAt() == null ? "never" : source.lastSuccessAt().toString());
            if (source.failing()) {
                failing++;
                builder.detail(url + ".last-error", source.lastError());
                builder.detail(url + ".failures", source.consecutiveFailures());
            }
        }
        builder.detail("feeds", feeds.size());
        if (failing > 0) {
            builder.message(failing + " of " + feeds.size() + " feeds failing").down();
        } else {
            builder.up();
        }
    }
}
