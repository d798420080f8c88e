package no.tolk.publish.social;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Posts to a Facebook Page feed through the Graph API ({@code POST /vNN.0/{page-id}/feed}), and edits
 * the post's text for a new revision, with a Page access token sent in the form body rather than the URL
 * so it never lands in access logs.
 * Graph errors are classified by their {@code code}, not the HTTP status: throttling (4, 17, 32,
 * 613, 80001) is rate limiting, 190 is a refused token, 1 and 2 are temporary service failures.
 */
public final class FacebookChannel extends ChannelIdentity {

    public static final String NAME = "facebook";
    public static final String TOKEN = "FACEBOOK_PAGE_TOKEN";
    private static final Set<Integer> THROTTLED = Set.of(4, 17, 32, 613, 80001);
    private static final Set<Integer> TEMPORARY = Set.of(1, 2);
    private static final int INVALID_TOKEN = 190;

    private final ChannelHttp http;
    private final String pageToken;
    private final String pageId;
    private final String version;
    private final Clock clock;

    /** @param version the Graph API version in the path, e.g. {@code v21.0} */
    public FacebookChannel(ChannelEndpoint endpoint, String pageToken, String pageId, String version,
            Set<String> languages, Clock clock) {
        super(NAME, languages, Platform.FACEBOOK.defaultRule());
        if (pageId == null || pageId.isBlank()) {
            throw new IllegalStateException("tolk.social.facebook.page-id is required for the facebook channel");
        }
        this.http = new ChannelHttp(NAME, endpoint);
        this.pageToken = pageToken;
        this.pageId = pageId.strip();
        this.version = version.strip();
        this.clock = clock;
    }

    @Override
    public PostReceipt post(SocialPost post) throws SocialException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("message", post.text());
        form.put("link", post.url().toString());
        HttpResponse<String> response = postForm("/" + pageId + "/feed", form);
        String id = http.successBody(response).path("id").asText("");
        if (id.isEmpty()) throw new ChannelUnavailableException(NAME, response.statusCode(), "answer without a post id");
        return new PostReceipt(id, URI.create("https://www.facebook.com/" + id));
    }

    @Override
    public boolean canUpdate() {
        return true;
    }

    /**
     * A new revision edits the Page post's text ({@code POST /vNN.0/{page-post-id}} with {@code message});
     * Graph answers {@code {"success": true}}. The link attached when it was posted stays as it was.
     */
    @Override
    public PostReceipt update(String externalId, SocialPost post) throws SocialException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("message", post.text());
        HttpResponse<String> response = postForm("/" + externalId, form);
        if (!http.successBody(response).path("success").asBoolean(false)) {
            throw new ChannelUnavailableException(NAME, response.statusCode(), "edit not confirmed (no \"success\": true)");
        }
        return new PostReceipt(externalId, URI.create("https://www.facebook.com/" + externalId));
    }

    /** {@code POST /<version><path>} with the form and the Page token in the body; a failure answer is thrown. */
    private HttpResponse<String> postForm(String path, Map<String, String> form) throws SocialException {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.put("access_token", pageToken);
        HttpRequest request = http.request("/" + version + path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(withToken)))
                .build();
        HttpResponse<String> response = http.send(request);
        if (!ChannelHttp.successful(response)) throw failure(response);
        return response;
    }

    private SocialException failure(HttpResponse<String> response) {
        JsonNode error = ChannelHttp.body(response).path("error");
        int code = error.path("code").asInt(-1);
        String message = ChannelHttp.shorten(error.path("message").asText("(no message)"))
                + " (type " + error.path("type").asText("?") + ", code " + code
                + (error.hasNonNull("error_subcode") ? ", subcode " + error.path("error_subcode").asInt() : "")
                + (error.hasNonNull("fbtrace_id") ? ", fbtrace_id " + error.path("fbtrace_id").asText() : "") + ")";
        if (THROTTLED.contains(code)) {
            return new ChannelRateLimitedException(NAME, "rate limited (HTTP " + response.statusCode() + "): " + message,
                    ChannelHttp.retryAfter(response, clock.instant()));
        }
        if (code == INVALID_TOKEN) {
            return new PostRejectedException(NAME, response.statusCode(), message, true);
        }
        if (TEMPORARY.contains(code)) {
            return new ChannelUnavailableException(NAME, response.statusCode(),
                    "temporarily unavailable (HTTP " + response.statusCode() + "): " + message);
        }
        return http.failure(response, message, ChannelHttp.retryAfter(response, clock.instant()));
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
