package no.tolk.ops;

import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** Liveness and readiness "database": the store answers a trivial query. Without it Tolk can do nothing. */
public class DatabaseHealthCheck extends AbstractHealthCheck {

    private final java.util.function.Supplier<PipelineFigures> figures;

    public DatabaseHealthCheck(java.util.function.Supplier<PipelineFigures> figures) {
        super("tolk", "database");
        this.figures = figures;
    }

    @Override
    public boolean isLiveness() {
        return true;
    }

    @Override
    public boolean isReadiness() {
        return true;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try {
            figures.get().ping();
            builder.up();
        } catch (RuntimeException e) {
            builder.message("the database does not answer: " + e.getMessage()
                    + "; check tolk.store.url and that the database is running").error(e).down();
        }
    }
}
