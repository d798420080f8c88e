package no.tolk.ops;

import java.time.Clock;
import java.time.Instant;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;

/**
 * Watches route {@code publish-nightly} (whichever stage provides it) for the start and end of its runs, however
 * they are triggered (schedule, {@code direct:publish-now}), so ops see the last run without the stage reporting it.
 */
public final class NightlyRuns implements RoutePolicyFactory {

    public static final String ROUTE_ID = "publish-nightly";
    /** The same job started on demand (tolk publish-now, the publishNow JMX operation). */
    public static final String ON_DEMAND_ROUTE_ID = "publish-now";

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
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        if (!ROUTE_ID.equals(routeId) && !ON_DEMAND_ROUTE_ID.equals(routeId)) return null;
        return new RoutePolicySupport() {
            @Override
            public void onExchangeBegin(Route route, Exchange exchange) {
                lastStart = clock.instant();
                lastEnd = null;
            }

            @Override
            public void onExchangeDone(Route route, Exchange exchange) {
                lastFailed = exchange.isFailed();
                lastEnd = clock.instant();
            }
        };
    }
}
