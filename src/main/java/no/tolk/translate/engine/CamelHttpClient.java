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
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    public CamelHttpClient(String engine, CamelContext camelContext, EngineEndpoint endpoint) {
        this.engine = engine;
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

    private static String describe(Throwable failure) {
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
