package no.tolk.publish.social;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import no.tolk.article.ArticleJson;

/**
 * The HTTP side shared by the channel adapters: one client with the configured connect timeout,
 * requests with the request timeout, transport failures as {@link ChannelUnavailableException},
 * and the status-to-exception mapping every adapter ends with.
 */
final class ChannelHttp {

    private static final int MAX_MESSAGE = 500;

    private final String channel;
    private final ChannelEndpoint endpoint;
    private final HttpClient client;

    ChannelHttp(String channel, ChannelEndpoint endpoint) {
        this.channel = channel;
        this.endpoint = endpoint;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(endpoint.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(endpoint.resolve(path))
                .timeout(endpoint.requestTimeout())
                .header("User-Agent", "Tolk/0.1 (+social)")
                .header("Accept", "application/json");
    }

    HttpResponse<String> send(HttpRequest request) throws ChannelUnavailableException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ChannelUnavailableException(channel, "no answer within " + endpoint.requestTimeout()
                    + " from " + request.uri().getHost(), e);
        } catch (IOException e) {
            throw new ChannelUnavailableException(channel, "cannot reach " + request.uri().getHost() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelUnavailableException(channel, "interrupted while posting", e);
        }
    }

    static boolean successful(HttpResponse<?> response) {
        return response.statusCode() / 100 == 2;
    }

    static ObjectMapper json() {
        return ArticleJson.mapper();
    }

    /** The response body as JSON, or an empty object when it is empty or not JSON. */
    static JsonNode body(HttpResponse<String> response) {
        String body = response.body();
        if (body == null || body.isBlank()) return json().createObjectNode();
        try {
            return json().readTree(body);
        } catch (IOException e) {
            return json().createObjectNode();
        }
    }

    /** A successful response's JSON; an unreadable one means the service misbehaved. */
    JsonNode successBody(HttpResponse<String> response) throws ChannelUnavailableException {
        try {
            JsonNode node = json().readTree(response.body());
            if (node == null || !node.isObject()) throw new IOException("not a JSON object");
            return node;
        } catch (IOException e) {
            throw new ChannelUnavailableException(channel, response.statusCode(),
                    "unreadable answer (HTTP " + response.statusCode() + "): " + e.getMessage());
        }
    }

    /**
     * The exception for a non-2xx answer: 429 is rate limiting, 5xx and 408 are unavailability,
     * any other status is a rejection carrying the service's message.
     */
    SocialException failure(HttpResponse<String> response, String serviceMessage, Instant resetAt) {
        int status = response.statusCode();
        String message = shorten(serviceMessage == null || serviceMessage.isBlank()
                ? "(no message)" : serviceMessage);
        if (status == 429) return new ChannelRateLimitedException(channel, "rate limited (HTTP 429): " + message
                + (resetAt == null ? "" : "; resets at " + resetAt), resetAt);
        if (status >= 500 || status == 408) return new ChannelUnavailableException(channel, status,
                "unavailable (HTTP " + status + "): " + message);
        return new PostRejectedException(channel, status, message);
    }

    static String shorten(String message) {
        String single = message.replaceAll("\\s+", " ").strip();
        return single.length() <= MAX_MESSAGE ? single : single.substring(0, MAX_MESSAGE) + "…";
    }

    /** {@code Retry-After} in seconds, when the service sent one. */
    static Instant retryAfter(HttpResponse<?> response, Instant now) {
        return response.headers().firstValue("Retry-After")
                .filter(value -> value.strip().matches("\\d+"))
                .map(value -> now.plusSeconds(Long.parseLong(value.strip())))
                .orElse(null);
    }
}
