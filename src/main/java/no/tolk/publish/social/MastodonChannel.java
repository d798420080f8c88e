package no.tolk.publish.social;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * Posts statuses to a Mastodon instance ({@code POST /api/v1/statuses}) with the account's access
 * token. Each post carries an {@code Idempotency-Key} derived from article, revision, channel and
 * language, so a retry within Mastodon's one-hour window returns the first status instead of a
 * second one. Edits use {@code PUT /api/v1/statuses/:id}.
 */
public final class MastodonChannel extends ChannelIdentity {

    public static final String NAME = "mastodon";
    public static final String TOKEN = "MASTODON_ACCESS_TOKEN";

    private final ChannelHttp http;
    private final String token;
    private final String visibility;
    private final Clock clock;

    /** @param maxCharacters the instance's {@code configuration.statuses.max_characters} (500 on most) */
    public MastodonChannel(ChannelEndpoint endpoint, String token, Set<String> languages, int maxCharacters,
            String visibility, Clock clock) {
        super(NAME, languages, new GraphemeRule(maxCharacters, 23, 0));
        this.http = new ChannelHttp(NAME, endpoint);
        this.token = token;
        this.visibility = visibility;
        this.clock = clock;
    }

    @Override
    public PostReceipt post(SocialPost post) throws SocialException {
        ObjectNode body = ChannelHttp.json().createObjectNode()
                .put("status", post.text())
                .put("language", post.language())
                .put("visibility", visibility);
        HttpRequest request = http.request("/api/v1/statuses")
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", post.idempotencyKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        return receipt(http.send(request));
    }

    @Override
    public boolean canUpdate() {
        return true;
    }

    @Override
    public PostReceipt update(String externalId, SocialPost post) throws SocialException {
        ObjectNode body = ChannelHttp.json().createObjectNode()
                .put("status", post.text())
                .put("language", post.language());
        HttpRequest request = http.request("/api/v1/statuses/" + externalId)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        return receipt(http.send(request));
    }

    private PostReceipt receipt(HttpResponse<String> response) throws SocialException {
        if (!ChannelHttp.successful(response)) {
            JsonNode error = ChannelHttp.body(response);
            String message = error.path("error").asText("");
            if (error.hasNonNull("error_description")) message += ": " + error.path("error_description").asText();
            throw http.failure(response, message, resetAt(response));
        }
        JsonNode status = http.successBody(response);
        String id = status.path("id").asText("");
        if (id.isEmpty()) throw new ChannelUnavailableException(NAME, response.statusCode(), "answer without a status id");
        String url = status.path("url").asText("");
        return new PostReceipt(id, url.isEmpty() ? null : URI.create(url));
    }

    /** {@code X-RateLimit-Reset} is an ISO-8601 timestamp such as {@code 2026-01-01T12:05:00.000000Z}. */
    private Instant resetAt(HttpResponse<String> response) {
        return response.headers().firstValue("X-RateLimit-Reset")
                .map(value -> {
                    try {
                        return Instant.parse(value.strip());
                    } catch (DateTimeParseException e) {
                        return null;
                    }
                })
                .orElseGet(() -> ChannelHttp.retryAfter(response, clock.instant()));
    }
}
