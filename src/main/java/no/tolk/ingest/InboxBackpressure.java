package no.tolk.ingest;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.RouteIdAware;
import org.apache.camel.support.DefaultPollingConsumerPollStrategy;

/**
 * Skips a poll of the inbox while a poll's worth of files is still waiting for extraction. The queue in
 * front of the extraction threads then stays bounded (under two polls), so exactly
 * {@code tolk.ingest.concurrency} files are extracted at once, and a large inbox is not listed again
 * every poll while its backlog is being worked through.
 */
public class InboxBackpressure extends DefaultPollingConsumerPollStrategy {

    private final int maxWaiting;

    public InboxBackpressure(int maxFilesPerPoll) {
        this.maxWaiting = maxFilesPerPoll;
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        if (!(consumer instanceof RouteIdAware route) || route.getRouteId() == null) return true;
        return endpoint.getCamelContext().getInflightRepository().size(route.getRouteId()) < maxWaiting;
    }
}
