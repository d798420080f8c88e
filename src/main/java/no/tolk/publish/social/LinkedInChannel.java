package no.tolk.publish.social;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts as a LinkedIn organization through the versioned Posts API ({@code POST /rest/posts}) with
 * an article card. LinkedIn answers 201 with an empty body; the post's URN is in {@code x-restli-id}.
 * LinkedIn documents no idempotency key, so duplicates are prevented by the caller's ledger only; a new
 * revision edits the commentary of the post already made.
 */
public final class LinkedInChannel extends ChannelIdentity {

    public static final String NAME = "linkedin";
    public static final String TOKEN = "LINKEDIN_ACCESS_TOKEN";
    private static final String RESERVED = "\\|{}@[]()<>#*_~";
    private static final Pattern TOKEN_PATTERN = Pattern.compile("https?://\\S+|#\\S+");

    private final ChannelHttp http;
    private final String token;
    private final String organizationId;
    private final String version;
    private final Clock clock;

    /** @param version the {@code LinkedIn-Version} header, {@code YYYYMM}; LinkedIn sunsets old versions */
    public LinkedInChannel(ChannelEndpoint endpoint, String token, String organizationId, String version,
            Set<String> languages, Clock clock) {
        super(NAME, languages, Platform.LINKEDIN.defaultRule());
        if (organizationId == null || organizationId.isBlank()) {
            throw new IllegalStateException("tolk.social.linkedin.organization-id is required for the linkedin channel");
        }
        this.http = new ChannelHttp(NAME, endpoint);
        this.token = token;
        this.organizationId = organizationId.strip();
        this.version = version;
        this.clock = clock;
    }

    @Override
    public PostReceipt post(SocialPost post) throws SocialException {
        ObjectNode body = ChannelHttp.json().createObjectNode()
                .put("author", "urn:li:organization:" + organizationId)
                .put("commentary", littleText(post))
                .put("visibility", "PUBLIC");
        ObjectNode distribution = body.putObject("distribution").put("feedDistribution", "MAIN_FEED");
        distribution.putArray("targetEntities");
        distribution.putArray("thirdPartyDistributionChannels");
        body.putObject("content").putObject("article")
                .put("source", post.url().toString())
                .put("title", post.title())
                .put("description", post.excerpt());
        body.put("lifecycleState", "PUBLISHED").put("isReshareDisabledByAuthor", false);
        HttpResponse<String> response = send(restRequest("/rest/posts"), body);
        String urn = response.headers().firstValue("x-restli-id").orElse("").strip();
        if (urn.isEmpty()) {
            throw new ChannelUnavailableException(NAME, response.statusCode(), "answer without an x-restli-id header");
        }
        return new PostReceipt(urn, URI.create("https://www.linkedin.com/feed/update/" + urn));
    }

    @Override
    public boolean canUpdate() {
        return true;
    }

    /**
     * A new revision replaces the post's commentary: a Rest.li partial update
     * ({@code POST /rest/posts/{encoded URN}}, {@code X-RestLi-Method: PARTIAL_UPDATE},
     * {@code {"patch": {"$set": {"commentary": ...}}}}), answered 204. The article card cannot be changed.
     */
    @Override
    public PostReceipt update(String externalId, SocialPost post) throws SocialException {
        ObjectNode body = ChannelHttp.json().createObjectNode();
        body.putObject("patch").putObject("$set").put("commentary", littleText(post));
        send(restRequest("/rest/posts/" + URLEncoder.encode(externalId, StandardCharsets.UTF_8))
                .header("X-RestLi-Method", "PARTIAL_UPDATE"), body);
        return new PostReceipt(externalId, URI.create("https://www.linkedin.com/feed/update/" + externalId));
    }

    /** A request to the versioned REST API, with the headers every call needs. */
    private HttpRequest.Builder restRequest(String path) {
        return http.request(path)
                .header("Authorization", "Bearer " + token)
                .header("LinkedIn-Version", version)
                .header("X-Restli-Protocol-Version", "2.0.0")
                .header("Content-Type", "application/json");
    }

    /** POSTs the JSON body; a failure answer is thrown with LinkedIn's message. */
    private HttpResponse<String> send(HttpRequest.Builder request, ObjectNode body) throws SocialException {
        HttpResponse<String> response = http.send(request.POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
        if (!ChannelHttp.successful(response)) {
            JsonNode error = ChannelHttp.body(response);
            throw http.failure(response, error.path("message").asText(""), ChannelHttp.retryAfter(response, clock.instant()));
        }
        return response;
    }

    /**
     * The commentary in LinkedIn's "little" text format: reserved characters are backslash-escaped
     * (unescaped, LinkedIn silently truncates the post at the first one), except in the URL, which
     * must stay clickable, and in the leading '#' of the configured hashtags.
     */
    static String littleText(SocialPost post) {
        String text = post.text();
        StringBuilder out = new StringBuilder(text.length() + 16);
        Matcher tokens = TOKEN_PATTERN.matcher(text);
        int from = 0;
        while (tokens.find()) {
            String token = tokens.group();
            boolean url = token.startsWith("http");
            boolean hashtag = post.hashtags().contains(token);
            if (!url && !hashtag) continue;
            out.append(escape(text.substring(from, tokens.start())));
            out.append(url ? token : "#" + escape(token.substring(1)));
            from = tokens.end();
        }
        return out.append(escape(text.substring(from))).toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (RESERVED.indexOf(c) >= 0) out.append('\\');
            out.append(c);
        }
        return out.toString();
    }
}
