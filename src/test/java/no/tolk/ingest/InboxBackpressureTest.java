package no.tolk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.component.file.FileConsumer;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxBackpressureTest {

    @TempDir
    Path inbox;

    @Test
    void pollsOnlyWhileFewerThanAPollsWorthOfFilesAreWaiting() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            Endpoint endpoint = context.getEndpoint("file:" + inbox);
            FileConsumer consumer = (FileConsumer) endpoint.createConsumer(exchange -> { });
            consumer.setRouteId("ingest-inbox");
            InboxBackpressure backpressure = new InboxBackpressure(3);
            context.getInflightRepository().addRoute("ingest-inbox"); // what starting the route does

            assertThat(backpressure.begin(consumer, endpoint)).isTrue();
            for (int waiting = 1; waiting <= 3; waiting++) {
                context.getInflightRepository().add(new DefaultExchange(context), "ingest-inbox");
            }
            assertThat(backpressure.begin(consumer, endpoint)).as("three files waiting").isFalse();

            context.getInflightRepository().remove(new DefaultExchange(context), "ingest-inbox");
            assertThat(backpressure.begin(consumer, endpoint)).as("two files waiting").isTrue();
        }
    }
}
