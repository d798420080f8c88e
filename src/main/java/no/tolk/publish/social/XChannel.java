package no.tolk.publish.social;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * Posts to X ({@code POST /2/tweets}) with an OAuth 2.0 user-context token. X has no idempotency
 * key; its only guard is refusing duplicate text with 403, which becomes {@link DuplicatePostException}
 * so the caller can treat it as "already announced".
 */
public final class XChannel extends ChannelIdentity {

    public static final String NAME = "x";
    public static final String TOKEN = "X_ACCESS_TOKEN";

    private final ChannelHttp http;
    private final String token;
    private final Clock clock;

    public XChannel(ChannelEndpoint endpoint, String token, Set<String> languages, Clock clock) {
        super(NAME, languages, Platform.X.defaultRule());
        this.http = new ChannelHttp(NAME, endpoint);
        this.token = token;
        this.clock = clock;
    }

    @Override
    public PostReceipt post(SocialPost post) throws SocialException {
        String body = ChannelHttp.json().createObjectNode().put("text", post.text()).toString();
        HttpRequest request = http.request("/2/tweets")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request);
        if (!ChannelHttp.successful(response)) throw failure(response);
        String id = http.successBody(response).path("data").path("id").asText("");
        if (id.isEmpty()) throw new ChannelUnavailableException(NAME, response.statusCode(), "answer without data.id");
        return new PostReceipt(id, URI.create("https://x.com/i/web/status/" + id));
    }

    private SocialException failure(HttpResponse<String> response) {
        JsonNode error = ChannelHttp.body(response);
        String message = error.path("detail").asText("");
        if (message.isEmpty()) message = error.path("errors").path(0).path("message").asText("");
        if (message.isEmpty()) message = error.path("title").asText("");
        if (response.statusCode() == 403 && message.toLowerCase(Locale.ROOT).contains("duplicate")) {
            return new DuplicatePostException(NAME, 403, message);
        }
        return http.failure(response, message, resetAt(response));
    }

    /** {@code x-rate-limit-reset} is in Unix epoch seconds. */
    private Instant resetAt(HttpResponse<String> response) {
        return response.headers().firstValue("x-rate-limit-reset")
                .filter(value -> value.strip().matches("\\d+"))
                .map(value -> Instant.ofEpochSecond(Long.parseLong(value.strip())))
                .orElseGet(() -> ChannelHttp.retryAfter(response, clock.instant()));
    }
}
