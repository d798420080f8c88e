package no.tolk.ops;

import java.time.Clock;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Watches route {@code publish-nightly} (whichever stage provides it) for the start and end of its runs,
 * so ops see the last run without the publish stage having to report it.
 */
public final class NightlyRuns extends EventNotifierSupport {

    public static final String ROUTE_ID = "publish-nightly";

    private final Clock clock;
    private volatile Instant lastStart;
    private volatile Instant lastEnd;
    private volatile boolean lastFailed;

    public NightlyRuns(Clock clock) {
        this.clock = clock;
    }

    /** Start of the last run, null when none started since this process began. */
    public Instant lastStart() {
        return lastStart;
    }

    /** End of the last run, null while it runs or when none ended. */
    public Instant lastEnd() {
        return lastEnd;
    }

    public boolean lastFailed() {
        return lastFailed;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((CamelEvent.ExchangeEvent) event).getExchange();
        if (!ROUTE_ID.equals(exchange.getFromRouteId())) return;
        if (event instanceof CamelEvent.ExchangeCreatedEvent) {
            lastStart = clock.instant();
            lastEnd = null;
        } else {
            lastEnd = clock.instant();
            lastFailed = event instanceof CamelEvent.ExchangeFailedEvent;
        }
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeCreatedEvent || event instanceof CamelEvent.ExchangeCompletedEvent
                || event instanceof CamelEvent.ExchangeFailedEvent;
    }
}
