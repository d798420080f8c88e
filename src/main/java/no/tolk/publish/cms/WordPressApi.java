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
 *
 * <p>The REST root is discovered once per process from the site's {@code Link: <…>; rel="https://api.w.org/"}
 * header (WordPress sends it on every front-end page, see {@code rest_output_link_header}): {@code /wp-json/} with
 * pretty permalinks, {@code /index.php?rest_route=/} with plain ones (Debian's default). Without that header
 * {@code /wp-json/} is assumed. Only the path and query of the discovered root are used, against the configured
 * scheme, host and port (a site behind a proxy may announce its public address).
 */
class WordPressApi {

    private static final int MAX_MESSAGE = 300;
    static final String API_REL = "https://api.w.org/";
    private static final java.util.regex.Pattern LINK = java.util.regex.Pattern.compile(
            "<([^>]+)>\\s*;[^,]*rel=\"?" + java.util.regex.Pattern.quote(API_REL) + "\"?");

    private final HttpClient http;
    private final URI siteBase;
    private volatile String restRoot;
    private final String authorization;
    private final Duration requestTimeout;
    private final Clock clock;
    private final ObjectMapper json = ArticleJson.mapper();

    WordPressApi(WordPressSettings settings, HttpClient http, Clock clock) {
        this.http = http;
        this.siteBase = settings.siteBase();
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

    /**
     * The REST root as the site announces it ({@code wp-json/} or {@code index.php?rest_route=/}), relative to the
     * configured site address; discovered on first use.
     */
    String restRoot() throws CmsException {
        String root = restRoot;
        if (root != null) return root;
        synchronized (this) {
            if (restRoot == null) restRoot = discoverRestRoot();
            return restRoot;
        }
    }

    private String discoverRestRoot() throws CmsException {
        HttpRequest request = HttpRequest.newBuilder(siteBase).timeout(requestTimeout)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            for (String link : response.headers().allValues("Link")) {
                java.util.regex.Matcher matcher = LINK.matcher(link);
                if (matcher.find()) {
                    URI announced = URI.create(matcher.group(1).strip());
                    String relative = announced.getRawPath() == null ? "" : announced.getRawPath();
                    String basePath = siteBase.getRawPath() == null ? "/" : siteBase.getRawPath();
                    relative = relative.startsWith(basePath) ? relative.substring(basePath.length()) : relative.replaceFirst("^/", "");
                    if (announced.getRawQuery() != null) relative += "?" + announced.getRawQuery();
                    return relative;
                }
            }
        } catch (HttpTimeoutException e) {
            throw new CmsUnavailableException("WordPress did not answer HEAD " + siteBase.getPath() + " in time", e);
        } catch (IOException e) {
            throw new CmsUnavailableException("WordPress unreachable at " + siteBase + ": " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CmsUnavailableException("interrupted while asking WordPress for its REST address", e);
        } catch (IllegalArgumentException unreadableLink) {
            // fall through to the default
        }
        return "wp-json/";
    }

    /** The address of {@code wp/v2/<path>} with the query, in the form the site's REST root needs. */
    URI address(String path, Map<String, String> query) throws CmsException {
        String queryString = query.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        String root = restRoot();
        String address;
        if (root.contains("rest_route=")) {
            // plain permalinks: the route is a query parameter, the other parameters follow it
            address = root + "wp/v2/" + path + (queryString.isEmpty() ? "" : "&" + queryString);
        } else {
            address = root + "wp/v2/" + path + (queryString.isEmpty() ? "" : "?" + queryString);
        }
        return siteBase.resolve(address);
    }

    private HttpRequest.Builder request(String path, Map<String, String> query) throws CmsException {
        return HttpRequest.newBuilder(address(path, query))
                .timeout(requestTimeout)
                .header("Authorization", authorization)
                .header("Accept", "application/json");
    }

    private JsonNode send(HttpRequest request) throws CmsException {
        String what = request.method() + " " + route(request.uri());
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
        throw new CmsRejectedException(status, code, detail, body == null ? null : body.get("data"));
    }

    /** {@code /wp-json/wp/v2/posts} or, for plain permalinks, the {@code rest_route} it carries. */
    private static String route(URI uri) {
        String query = uri.getQuery();
        if (query != null) {
            for (String parameter : query.split("&")) {
                if (parameter.startsWith("rest_route=")) return "?rest_route=" + parameter.substring("rest_route=".length());
            }
        }
        return uri.getPath();
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
