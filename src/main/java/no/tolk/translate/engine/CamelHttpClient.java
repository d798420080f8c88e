package no.tolk.translate.engine;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import no.tolk.translate.EngineUnavailableException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpComponent;

/**
 * Sends JSON requests to one service through Camel HTTP. The endpoint URI holds only the base URL
 * and transport options; path, query (which may carry an API key) and headers travel per exchange,
 * so no secret ends up in Camel's endpoint registry.
 */
public final class CamelHttpClient {

    private final String engine;
    private final ProducerTemplate template;
    private final String endpointUri;
    private final CamelContext camelContext;
    private final EngineEndpoint endpoint;
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    public CamelHttpClient(String engine, CamelContext camelContext, EngineEndpoint endpoint) {
        this.engine = engine;
        this.camelContext = camelContext;
        this.endpoint = endpoint;
        this.template = camelContext.createProducerTemplate();
        String component = "tolk-" + engine + "-http-" + INSTANCES.incrementAndGet();
        camelContext.addComponent(component, component(endpoint));
        this.endpointUri = component + ":" + endpoint.baseUrl() + "?throwExceptionOnFailure=false&copyHeaders=false";
    }

    /**
     * A component of its own carries this engine's timeouts (Camel HTTP sets them per component) and
     * turns off HttpClient's automatic retries: it would silently resend on 429/503 and sleep out a
     * Retry-After itself, hiding both from {@link RetryPolicy}.
     */
    private static HttpComponent component(EngineEndpoint endpoint) {
        HttpComponent component = new HttpComponent();
        component.setConnectTimeout(endpoint.connectTimeout().toMillis());
        component.setConnectionRequestTimeout(endpoint.connectTimeout().toMillis());
        component.setResponseTimeout(endpoint.requestTimeout().toMillis());
        component.setSoTimeout(endpoint.requestTimeout().toMillis());
        component.setAutomaticRetriesDisabled(true);
        component.setRedirectHandlingDisabled(true);
        return component;
    }

    public HttpReply post(String path, Map<String, List<String>> query, Map<String, String> headers, String json)
            throws EngineUnavailableException {
        return send("POST", path, query, headers, json);
    }

    public HttpReply get(String path, Map<String, List<String>> query, Map<String, String> headers)
            throws EngineUnavailableException {
        return send("GET", path, query, headers, null);
    }

    /** POSTs an HTML form ({@code application/x-www-form-urlencoded}), for services such as Apertium APy. */
    public HttpReply postForm(String path, Map<String, List<String>> form) throws EngineUnavailableException {
        return send("POST", path, Map.of(), Map.of(), encode(form), "application/x-www-form-urlencoded; charset=UTF-8");
    }

    private HttpReply send(String method, String path, Map<String, List<String>> query, Map<String, String> headers, String json)
            throws EngineUnavailableException {
        return send(method, path, query, headers, json, "application/json; charset=UTF-8");
    }

    private HttpReply send(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
                           String json, String contentType) throws EngineUnavailableException {
        if (!camelContext.getStatus().isStarted() && json == null) {
            // start-up checks (e.g. Apertium APy's /listPairs) run while Camel is still starting, when its
            // producers refuse work ("CamelContext is stopped"); they go through the JDK's client instead
            return sendBeforeStart(method, path, query, headers);
        }
        Exchange exchange = template.send(endpointUri, ex -> {
            Message message = ex.getMessage();
            message.setHeader(Exchange.HTTP_METHOD, method);
            // a configured path may carry its own query, e.g. Azure OpenAI's ?api-version=...
            int mark = path.indexOf('?');
            message.setHeader(Exchange.HTTP_PATH, mark < 0 ? path : path.substring(0, mark));
            String fixedQuery = mark < 0 ? "" : path.substring(mark + 1);
            String encodedQuery = encode(query);
            String fullQuery = fixedQuery.isEmpty() ? encodedQuery : encodedQuery.isEmpty() ? fixedQuery : fixedQuery + "&" + encodedQuery;
            if (!fullQuery.isEmpty()) message.setHeader(Exchange.HTTP_QUERY, fullQuery);
            message.setHeader("User-Agent", "tolk/0.1");
            message.setHeader("Accept", "application/json");
            headers.forEach(message::setHeader);
            if (json != null) {
                message.setHeader(Exchange.CONTENT_TYPE, contentType);
                message.setBody(json.getBytes(StandardCharsets.UTF_8));
            }
        });
        if (exchange.getException() != null) {
            // the cause is left out on purpose: Camel's messages may quote the request, query included
            throw new EngineUnavailableException(engine + " did not answer " + method + " " + pathOnly(path) + ": " + describe(exchange.getException()));
        }
        Message reply = exchange.getMessage();
        Integer status = reply.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        Map<String, String> replyHeaders = new HashMap<>();
        reply.getHeaders().forEach((name, value) -> {
            if (value != null && !name.startsWith("Camel")) replyHeaders.put(name, String.valueOf(value));
        });
        return new HttpReply(status == null ? 0 : status, replyHeaders, reply.getBody(String.class));
    }

    private HttpReply sendBeforeStart(String method, String path, Map<String, List<String>> query, Map<String, String> headers)
            throws EngineUnavailableException {
        String encodedQuery = encode(query);
        String target = endpoint.baseUrl().replaceAll("/+$", "") + (path.startsWith("/") ? path : "/" + path);
        if (!encodedQuery.isEmpty()) target += (target.contains("?") ? "&" : "?") + encodedQuery;
        try {
            java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                    .connectTimeout(endpoint.connectTimeout()).followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
            java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(target))
                    .timeout(endpoint.requestTimeout()).method(method, java.net.http.HttpRequest.BodyPublishers.noBody())
                    .header("User-Agent", "tolk/0.1").header("Accept", "application/json");
            headers.forEach(request::header);
            java.net.http.HttpResponse<String> response = client.send(request.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Map<String, String> replyHeaders = new HashMap<>();
            response.headers().map().forEach((name, values) -> replyHeaders.put(name, String.join(", ", values)));
            return new HttpReply(response.statusCode(), replyHeaders, response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineUnavailableException(engine + " did not answer " + method + " " + pathOnly(path) + ": interrupted");
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new EngineUnavailableException(engine + " did not answer " + method + " " + pathOnly(path) + ": " + describe(e));
        }
    }

    private static String pathOnly(String path) {
        int mark = path.indexOf('?');
        return mark < 0 ? path : path.substring(0, mark);
    }

    private static String encode(Map<String, List<String>> query) {
        StringBuilder encoded = new StringBuilder();
        query.forEach((name, values) -> values.forEach(value -> {
            if (encoded.length() > 0) encoded.append('&');
            encoded.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }));
        return encoded.toString();
    }

    /** The failure in plain words: "connection refused", "unknown host x", "timed out (...)", else the root exception. */
    static String describe(Throwable failure) {
        for (Throwable step = failure; step != null; step = step.getCause() == step ? null : step.getCause()) {
            if (step instanceof java.net.ConnectException && (step.getMessage() == null || !step.getMessage().contains("timed out"))) {
                return "connection refused (nothing answers at that address and port)";
            }
            if (step instanceof java.net.UnknownHostException) return "unknown host " + step.getMessage();
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String kind = root.getClass().getSimpleName();
        String what = kind.contains("Timeout") ? "timed out (" + kind + ")" : kind;
        return root.getMessage() == null ? what : what + ": " + root.getMessage();
    }

    public static Map<String, List<String>> query(String... pairs) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            query.computeIfAbsent(pairs[i], key -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return query;
    }
}
