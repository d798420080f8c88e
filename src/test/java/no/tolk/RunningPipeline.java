package no.tolk;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import no.tolk.config.PipelineApplication;
import no.tolk.config.Settings;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/** The real application (routes from routes/, beans from the configuration classes) over a temporary home. */
public final class RunningPipeline implements AutoCloseable {

    private final Main main;
    private final Thread thread;

    private RunningPipeline(Main main) {
        this.main = main;
        this.thread = new Thread(() -> {
            try {
                main.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "tolk-under-test");
    }

    public static RunningPipeline start(Path home) {
        return start(home, Map.of());
    }

    public static RunningPipeline start(Path home, Map<String, String> settings) {
        Main main = PipelineApplication.create(Settings.load(home, Map.of()));
        java.util.Properties overrides = main.getOverrideProperties();
        overrides.setProperty("tolk.ingest.poll-delay", "200");
        overrides.setProperty("tolk.ingest.read-lock-min-age", "300");
        overrides.setProperty("tolk.ingest.read-lock-check-interval", "100");
        overrides.setProperty("camel.main.jmx-enabled", "false");
        // the translation stage stays out of the way (articles stay "extracted") unless a test sets its delay
        overrides.setProperty("tolk.translate.initial-delay", "3600000");
        overrides.setProperty("tolk.http.port", "0");
        overrides.setProperty("tolk.desk.port", "0");
        settings.forEach(overrides::setProperty);
        RunningPipeline pipeline = new RunningPipeline(main);
        pipeline.thread.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> main.getCamelContext() != null
                && main.getCamelContext().isStarted());
        // the supervising route controller starts the routes on its own thread, after the context reports started
        await().atMost(Duration.ofSeconds(30)).until(() -> !main.getCamelContext().getRoutes().isEmpty()
                && main.getCamelContext().getRoutes().stream()
                .allMatch(route -> main.getCamelContext().getRouteController().getRouteStatus(route.getRouteId()).isStarted()));
        return pipeline;
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    public <T> T bean(String name, Class<T> type) {
        return context().getRegistry().lookupByNameAndType(name, type);
    }

    @Override
    public void close() throws InterruptedException {
        main.completed();
        thread.join(Duration.ofSeconds(60).toMillis());
        // the caller deletes the home next: a pipeline still stopping would keep writing into it
        if (thread.isAlive()) throw new AssertionError("the pipeline did not stop within 60 s");
    }
}
