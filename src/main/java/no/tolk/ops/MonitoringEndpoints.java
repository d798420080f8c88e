package no.tolk.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import no.tolk.article.ArticleJson;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /health} (liveness and readiness JSON; 503 when not live), {@code /health/live}, {@code /health/ready}
 * and {@code /metrics} (Prometheus text) on {@code tolk.http.host:tolk.http.port}. The JDK's small HTTP server:
 * two read-only endpoints need no web stack, and Tolk starts faster without one.
 */
public final class MonitoringEndpoints implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MonitoringEndpoints.class);

    private final HttpServer server;

    private MonitoringEndpoints(HttpServer server) {
        this.server = server;
    }

    public static MonitoringEndpoints start(String host, int port, CamelContext context, PrometheusMeterRegistry metrics) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
        server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tolk-monitoring-http");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/health", exchange -> health(exchange, context));
        server.createContext("/metrics", exchange -> respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape()));
        server.start();
        LOG.info("Health and metrics on http://{}:{}/health and /metrics", host, server.getAddress().getPort());
        return new MonitoringEndpoints(server);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void health(HttpExchange exchange, CamelContext context) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, Object> liveness = group(HealthCheckHelper.invokeLiveness(context));
        Map<String, Object> readiness = group(HealthCheckHelper.invokeReadiness(context));
        Object body;
        boolean up;
        if (path.equals("/health/live")) {
            body = liveness;
            up = "UP".equals(liveness.get("status"));
        } else if (path.equals("/health/ready")) {
            body = readiness;
            up = "UP".equals(readiness.get("status"));
        } else if (path.equals("/health") || path.equals("/health/")) {
            Map<String, Object> both = new LinkedHashMap<>();
            both.put("status", liveness.get("status"));
            Pipeline pipeline = context.getRegistry().lookupByNameAndType("pipeline", Pipeline.class);
            if (pipeline != null) both.put("ingest", pipeline.isIngestPaused() ? "paused" : "running");
            both.put("liveness", liveness);
            both.put("readiness", readiness);
            body = both;
            up = "UP".equals(liveness.get("status"));
        } else {
            respond(exchange, 404, "text/plain; charset=utf-8", "not found; try /health, /health/live, /health/ready or /metrics\n");
            return;
        }
        respond(exchange, up ? 200 : 503, "application/json", json(body));
    }

    private static Map<String, Object> group(Collection<HealthCheck.Result> results) {
        List<Map<String, Object>> checks = new ArrayList<>();
        boolean up = true;
        for (HealthCheck.Result result : results) {
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("id", result.getCheck().getId());
            check.put("status", result.getState().name());
            result.getMessage().ifPresent(message -> check.put("message", message));
            Map<String, Object> details = new LinkedHashMap<>();
            result.getDetails().forEach((key, value) -> {
                if (!key.startsWith("invocation.") && !key.startsWith("failure.") && !key.equals("check.id")
                        && !key.equals("check.group") && !key.equals("check.kind")) {
                    details.put(key, String.valueOf(value));
                }
            });
            if (!details.isEmpty()) check.put("details", details);
            checks.add(check);
            up &= result.getState() != HealthCheck.State.DOWN;
        }
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("status", up ? "UP" : "DOWN");
        group.put("checks", checks);
        return group;
    }

    private static String json(Object body) {
        try {
            return ArticleJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(body) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
