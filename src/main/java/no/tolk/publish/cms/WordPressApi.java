package no.tolk.publish.cms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import no.tolk.article.ArticleJson;

/**
 * The HTTP side of the WordPress REST API: Application Password auth, JSON in and out, and every
 * non-2xx answer turned into a typed {@link CmsException} carrying WordPress's own message.
 */
class WordPressApi {

    private static final int MAX_MESSAGE = 300;

    private final HttpClient http;
    private final URI restBase;
    private final String authorization;
    private final Duration requestTimeout;
    private final Clock clock;
    private final ObjectMapper json = ArticleJson.mapper();

    WordPressApi(WordPressSettings settings, HttpClient http, Clock clock) {
        this.http = http;
        this.restBase = settings.restBase();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (settings.user() + ":" + settings.applicationPassword()).getBytes(StandardCharsets.UTF_8));
        this.requestTimeout = settings.requestTimeout();
        this.clock = clock;
    }

    JsonNode get(String path, Map<String, String> query) throws CmsException {
        return send(request(path, query).GET().build());
    }

    JsonNode postJson(String path, Map<String, String> query, JsonNode body) throws CmsException {
        try {
            byte[] bytes = json.writeValueAsBytes(body);
            return send(request(path, query)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write WordPress request body", e);
        }
    }

    /** A raw-body media upload, the style WordPress documents for {@code POST /wp/v2/media}. */
    JsonNode upload(String fileName, String contentType, byte[] bytes) throws CmsException {
        return send(request("media", Map.of())
                .header("Content-Type", contentType)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
    }

    ObjectMapper json() {
        return json;
    }

    private HttpRequest.Builder request(String path, Map<String, String> query) {
        String queryString = query.isEmpty() ? "" : "?" + query.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(restBase.resolve(path + queryString))
                .timeout(requestTimeout)
                .header("Authorization", authorization)
                .header("Accept", "application/json");
    }

    private JsonNode send(HttpRequest request) throws CmsException {
        String what = request.method() + " " + request.uri().getPath();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new CmsUnavailableException("WordPress did not answer " + what + " in time", e);
        } catch (IOException e) {
            throw new CmsUnavailableException("WordPress unreachable for " + what + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CmsUnavailableException("interrupted while waiting for WordPress (" + what + ")", e);
        }
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        if (status >= 200 && status < 300) {
            if (body == null) throw new CmsUnavailableException("WordPress answered " + what + " with " + status + " but no JSON");
            return body;
        }
        String code = body == null ? null : text(body.get("code"));
        String message = body == null ? null : text(body.get("message"));
        String detail = "WordPress answered " + what + " with " + status + (code == null ? "" : " " + code)
                + (message == null ? "" : ": " + shorten(message)) + invalidParams(body);
        if (status == 429) throw new CmsRateLimitedException(detail, retryAfter(response));
        if (status >= 500 || status == 408) throw new CmsUnavailableException(detail);
        throw new CmsRejectedException(status, code, detail);
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) return null;
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String invalidParams(JsonNode body) {
        if (body == null) return "";
        JsonNode params = body.path("data").path("params");
        if (!params.isObject() || params.isEmpty()) return "";
        Map<String, String> problems = new LinkedHashMap<>();
        params.fields().forEachRemaining(e -> problems.put(e.getKey(), shorten(e.getValue().asText())));
        return " " + problems;
    }

    private Duration retryAfter(HttpResponse<?> response) {
        String value = response.headers().firstValue("Retry-After").orElse(null);
        if (value == null || value.isBlank()) return null;
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (java.time.format.DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String shorten(String message) {
        String plain = message.replaceAll("\\s+", " ").strip();
        return plain.length() <= MAX_MESSAGE ? plain : plain.substring(0, MAX_MESSAGE) + "…";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
