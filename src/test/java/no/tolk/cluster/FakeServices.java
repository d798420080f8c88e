package no.tolk.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One WireMock server speaking three real APIs with memory, as the instances of a cluster test need them:
 * <ul>
 * <li>LibreTranslate {@code POST /translate} ({@code q} array in, {@code translatedText} array out) with zero latency:
 * each text comes back in English words ({@link #english}), placeholders, markup, numbers and names untouched, so
 * the translation passes the quality gate as a real engine's would;</li>
 * <li>the WordPress REST API's post endpoints ({@code /wp-json/wp/v2/posts}, {@code posts/<id>}, the marker search,
 * {@code users/me}, {@code users}, {@code tags}, {@code categories}): created posts are kept and found again;</li>
 * <li>Mastodon {@code POST /api/v1/statuses} honouring {@code Idempotency-Key} (the same key gives the same status,
 * as Mastodon does for an hour), and {@code PUT /api/v1/statuses/<id>}.</li>
 * </ul>
 * The WireMock journal keeps every request for the assertions.
 */
final class FakeServices implements ResponseDefinitionTransformerV2, AutoCloseable {

    static final String POSTS = "/wp-json/wp/v2/posts";
    static final String STATUSES = "/api/v1/statuses";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern POST_ID = Pattern.compile("^/wp-json/wp/v2/posts/(\\d+)");
    private static final Pattern MARKER = Pattern.compile("tolk:article=[a-z0-9]+ lang=[a-z-]+");

    final WireMockServer server;
    private final AtomicLong ids = new AtomicLong(100);
    private final Map<Long, ObjectNode> posts = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> statusesByKey = new ConcurrentHashMap<>();
    private final AtomicLong translatedCharacters = new AtomicLong();

    FakeServices() {
        server = new WireMockServer(options().dynamicPort().extensions(this).containerThreads(40));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));
    }

    String baseUrl() {
        return server.baseUrl();
    }

    /** Code points of every text the translation engine was sent. */
    long translatedCharacters() {
        return translatedCharacters.get();
    }

    @Override
    public String getName() {
        return "tolk-cluster-fakes";
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        String path = request.getUrl().split("\\?", 2)[0];
        try {
            if (path.equals("/translate")) return translate(request);
            if (path.startsWith("/wp-json/wp/v2/")) return wordpress(request, path);
            if (path.startsWith(STATUSES)) return mastodon(request, path);
        } catch (Exception e) {
            return new ResponseDefinition(400, "{\"error\":\"" + e.getMessage() + "\"}");
        }
        return new ResponseDefinition(404, "{\"error\":\"not found\"}");
    }

    private ResponseDefinition translate(Request request) throws Exception {
        JsonNode body = JSON.readTree(request.getBodyAsString());
        ObjectNode reply = JSON.createObjectNode();
        ArrayNode texts = reply.putArray("translatedText");
        for (JsonNode text : body.path("q")) {
            translatedCharacters.addAndGet(text.asText().codePointCount(0, text.asText().length()));
            texts.add(english(text.asText()));
        }
        return json(200, reply);
    }

    private static final Pattern TOKEN = Pattern.compile("<[^>]*>|&[#\\w]+;|\\p{L}+|[^<&\\p{L}]+|[<&]");
    private static final Map<String, String> MONTHS = Map.ofEntries(
            Map.entry("januar", "January"), Map.entry("februar", "February"), Map.entry("mars", "March"),
            Map.entry("april", "April"), Map.entry("mai", "May"), Map.entry("juni", "June"), Map.entry("juli", "July"),
            Map.entry("august", "August"), Map.entry("september", "September"), Map.entry("oktober", "October"),
            Map.entry("november", "November"), Map.entry("desember", "December"));
    private static final String[] ENGLISH = {"the", "report", "of", "the", "news", "and", "it", "is", "in", "the", "town",
        "with", "this", "story", "was", "for", "the", "people", "to", "read"};

    /**
     * An English rendering of one segment as a machine translation engine would return it, shaped by what Tolk's
     * quality gate checks: placeholders ({@code <x id="…"/>}), other markup and character entities exactly as sent;
     * numbers kept; Norwegian month names in their English form; capitalised words (names, which protected terms
     * are) kept; every other word replaced by an English word, so the text reads as English to the language check.
     */
    static String english(String source) {
        StringBuilder out = new StringBuilder(source.length() + 16);
        Matcher token = TOKEN.matcher(source);
        int word = 0;
        while (token.find()) {
            String text = token.group();
            if (!Character.isLetter(text.codePointAt(0))) {
                out.append(text);
            } else if (MONTHS.containsKey(text.toLowerCase(java.util.Locale.ROOT))) {
                out.append(MONTHS.get(text.toLowerCase(java.util.Locale.ROOT)));
            } else if (Character.isUpperCase(text.codePointAt(0))) {
                out.append(text);
            } else {
                out.append(ENGLISH[word++ % ENGLISH.length]);
            }
        }
        return out.toString();
    }

    private ResponseDefinition wordpress(Request request, String path) throws Exception {
        String rest = path.substring("/wp-json/wp/v2/".length());
        if (rest.equals("users/me")) return json(200, JSON.createObjectNode().put("id", 1).put("name", "editor"));
        if (rest.equals("users")) return json(200, JSON.createArrayNode());
        if (rest.equals("tags") || rest.equals("categories")) {
            if (RequestMethod.GET.equals(request.getMethod())) return json(200, JSON.createArrayNode());
            JsonNode body = JSON.readTree(request.getBodyAsString());
            return json(201, JSON.createObjectNode().put("id", ids.incrementAndGet()).put("name", body.path("name").asText()));
        }
        if (rest.equals("posts") && RequestMethod.GET.equals(request.getMethod())) {
            String search = URLDecoder.decode(request.queryParameter("search").firstValue(), StandardCharsets.UTF_8);
            Matcher marker = MARKER.matcher(search);
            ArrayNode found = JSON.createArrayNode();
            if (marker.find()) {
                posts.values().stream().filter(post -> post.path("content").path("raw").asText().contains(marker.group()))
                        .sorted((a, b) -> Long.compare(a.path("id").asLong(), b.path("id").asLong())).forEach(found::add);
            }
            return json(200, found);
        }
        if (rest.equals("posts")) {
            long id = ids.incrementAndGet();
            ObjectNode post = merge(JSON.createObjectNode().put("id", id).put("type", "post").put("featured_media", 0),
                    JSON.readTree(request.getBodyAsString()));
            posts.put(id, post);
            return json(201, post);
        }
        Matcher byId = POST_ID.matcher(path);
        if (byId.find()) {
            ObjectNode post = posts.get(Long.parseLong(byId.group(1)));
            if (post == null) return json(404, JSON.createObjectNode().put("code", "rest_post_invalid_id"));
            if (RequestMethod.POST.equals(request.getMethod())) {
                synchronized (post) {
                    merge(post, JSON.readTree(request.getBodyAsString()));
                }
            }
            return json(200, post);
        }
        return json(404, JSON.createObjectNode().put("code", "rest_no_route"));
    }

    /** The post as WordPress answers with context=edit: raw content, rendered title, a link from the slug. */
    private ObjectNode merge(ObjectNode post, JsonNode body) {
        body.fields().forEachRemaining(field -> {
            switch (field.getKey()) {
                case "content" -> post.putObject("content").put("raw", field.getValue().asText());
                case "title" -> post.putObject("title").put("rendered", field.getValue().asText()).put("raw", field.getValue().asText());
                default -> post.set(field.getKey(), field.getValue());
            }
        });
        if (!post.has("status")) post.put("status", "draft");
        String slug = post.path("slug").asText("post-" + post.path("id").asLong());
        post.put("slug", slug);
        post.put("link", server.baseUrl() + "/" + slug + "/");
        return post;
    }

    private ResponseDefinition mastodon(Request request, String path) throws Exception {
        if (RequestMethod.POST.equals(request.getMethod()) && path.equals(STATUSES)) {
            String key = request.getHeader("Idempotency-Key");
            ObjectNode status = statusesByKey.computeIfAbsent(key == null ? "none-" + ids.incrementAndGet() : key, k -> {
                long id = ids.incrementAndGet();
                return JSON.createObjectNode().put("id", String.valueOf(id)).put("url", server.baseUrl() + "/@tolk/" + id);
            });
            return json(200, status);
        }
        if (RequestMethod.PUT.equals(request.getMethod())) {
            String id = path.substring(STATUSES.length() + 1);
            return json(200, JSON.createObjectNode().put("id", id).put("url", server.baseUrl() + "/@tolk/" + id));
        }
        return json(404, JSON.createObjectNode().put("error", "Record not found"));
    }

    private static ResponseDefinition json(int status, JsonNode body) {
        return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition()
                .withStatus(status).withHeader("Content-Type", "application/json").withBody(body.toString()).build();
    }

    @Override
    public void close() {
        server.stop();
    }
}
