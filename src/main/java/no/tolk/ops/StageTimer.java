package no.tolk.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;

/**
 * {@code tolk_stage_duration_seconds{stage,route}}: a histogram of how long each route takes per exchange, the
 * stage being the route id's first word ({@code extract-article} -> {@code extract}). Buckets from 5 ms to
 * 5 min fit everything from a text file's extraction to a publishing run.
 */
public final class StageTimer implements RoutePolicyFactory {

    private static final String STARTED = "tolkStageTimerStart";
    static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(25), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(15),
            Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5)};

    private final MeterRegistry registry;

    public StageTimer(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        if (routeId == null) return null;
        Timer timer = Timer.builder("tolk.stage.duration")
                .description("Time one exchange spends in a route, per stage")
                .tag("stage", routeId.contains("-") ? routeId.substring(0, routeId.indexOf('-')) : routeId)
                .tag("route", routeId)
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
        return new RoutePolicySupport() {
            @Override
            public void onExchangeBegin(Route route, Exchange exchange) {
                exchange.setProperty(STARTED + routeId, System.nanoTime());
            }

            @Override
            public void onExchangeDone(Route route, Exchange exchange) {
                Long started = exchange.getProperty(STARTED + routeId, Long.class);
                if (started != null) timer.record(Duration.ofNanos(System.nanoTime() - started));
            }
        };
    }
}
