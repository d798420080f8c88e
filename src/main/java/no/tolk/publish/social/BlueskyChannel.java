package no.tolk.publish.social;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

/**
 * Posts {@code app.bsky.feed.post} records to the account's PDS over XRPC. Logs in with the handle
 * and an app password ({@code com.atproto.server.createSession}), refreshes the session when the
 * access token expires, and writes each post with {@code com.atproto.repo.putRecord} under a record
 * key derived from article, revision, channel and language: a retry overwrites the same record
 * instead of creating a second post, and {@link #find} can look it up.
 *
 * <p>The URL is made a link with a facet whose offsets are UTF-8 byte offsets (Bluesky does not
 * link bare URLs), configured hashtags get tag facets, and an {@code app.bsky.embed.external} card
 * shows title and lead.
 */
public final class BlueskyChannel extends ChannelIdentity {

    public static final String NAME = "bluesky";
    public static final String HANDLE = "BLUESKY_HANDLE";
    public static final String APP_PASSWORD = "BLUESKY_APP_PASSWORD";
    static final String COLLECTION = "app.bsky.feed.post";
    private static final String TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz";
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final LocalDate UNDATED = LocalDate.of(2025, 1, 1);

    private final ChannelHttp http;
    private final String identifier;
    private final String appPassword;
    private final Clock clock;

    private Session session;

    private record Session(String accessJwt, String refreshJwt, String did, String handle) {
        @Override
        public String toString() {
            return "Session[" + did + "]";
        }
    }

    public BlueskyChannel(ChannelEndpoint endpoint, String identifier, String appPassword, Set<String> languages,
            Clock clock) {
        super(NAME, languages, Platform.BLUESKY.defaultRule());
        this.http = new ChannelHttp(NAME, endpoint);
        this.identifier = identifier;
        this.appPassword = appPassword;
        this.clock = clock;
    }

    @Override
    public PostReceipt post(SocialPost post) throws SocialException {
        return put(recordKey(post), post);
    }

    @Override
    public boolean canUpdate() {
        return true;
    }

    @Override
    public PostReceipt update(String externalId, SocialPost post) throws SocialException {
        return put(externalId.substring(externalId.lastIndexOf('/') + 1), post);
    }

    @Override
    public synchronized Optional<PostReceipt> find(SocialPost post) throws SocialException {
        String rkey = recordKey(post);
        HttpResponse<String> response = authorized(current -> http.request("/xrpc/com.atproto.repo.getRecord?repo="
                + URLEncoder.encode(current.did(), StandardCharsets.UTF_8) + "&collection=" + COLLECTION
                + "&rkey=" + rkey).GET());
        if (response.statusCode() == 400 && "RecordNotFound".equals(ChannelHttp.body(response).path("error").asText())) {
            return Optional.empty();
        }
        if (!ChannelHttp.successful(response)) throw failure(response);
        return Optional.of(receipt(http.successBody(response).path("uri").asText(""), rkey, response));
    }

    private synchronized PostReceipt put(String rkey, SocialPost post) throws SocialException {
        HttpResponse<String> response = authorized(current -> {
            ObjectNode body = ChannelHttp.json().createObjectNode()
                    .put("repo", current.did())
                    .put("collection", COLLECTION)
                    .put("rkey", rkey);
            body.set("record", record(post));
            return http.request("/xrpc/com.atproto.repo.putRecord")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        });
        if (!ChannelHttp.successful(response)) throw failure(response);
        return receipt(http.successBody(response).path("uri").asText(""), rkey, response);
    }

    private PostReceipt receipt(String uri, String rkey, HttpResponse<String> response) throws SocialException {
        if (uri.isEmpty()) throw new ChannelUnavailableException(NAME, response.statusCode(), "answer without a record uri");
        return new PostReceipt(uri, URI.create("https://bsky.app/profile/" + session.handle() + "/post/" + rkey));
    }

    ObjectNode record(SocialPost post) {
        ObjectNode record = ChannelHttp.json().createObjectNode()
                .put("$type", COLLECTION)
                .put("text", post.text())
                .put("createdAt", DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        record.putArray("langs").add(post.language());
        ArrayNode facets = record.putArray("facets");
        String link = post.url().toString();
        int linkAt = post.text().lastIndexOf(link);
        if (linkAt >= 0) {
            ObjectNode feature = facet(facets, post.text(), linkAt, linkAt + link.length());
            feature.put("$type", "app.bsky.richtext.facet#link").put("uri", link);
        }
        int searchFrom = linkAt < 0 ? 0 : linkAt + link.length();
        for (String tag : post.hashtags()) {
            int tagAt = post.text().indexOf(tag, searchFrom);
            if (tagAt < 0) continue;
            facet(facets, post.text(), tagAt, tagAt + tag.length())
                    .put("$type", "app.bsky.richtext.facet#tag").put("tag", tag.substring(1));
            searchFrom = tagAt + tag.length();
        }
        ObjectNode external = record.putObject("embed")
                .put("$type", "app.bsky.embed.external")
                .putObject("external");
        external.put("uri", link).put("title", post.title()).put("description", post.excerpt());
        return record;
    }

    /** Adds a facet over the UTF-16 range [start, end) of text, converted to UTF-8 byte offsets. */
    private static ObjectNode facet(ArrayNode facets, String text, int start, int end) {
        ObjectNode facet = facets.addObject();
        facet.putObject("index")
                .put("byteStart", utf8Length(text.substring(0, start)))
                .put("byteEnd", utf8Length(text.substring(0, end)));
        return facet.putArray("features").addObject();
    }

    static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * A valid TID (13 characters, base32-sortable) that is the same for the same article, revision,
     * channel and language: its timestamp is a point on the article's publication day chosen by a hash,
     * its clock id comes from the same hash.
     */
    static String recordKey(SocialPost post) {
        long hash = hash(post.idempotencyKey());
        LocalDate day = post.published() == null ? UNDATED : post.published();
        long micros = day.toEpochDay() * MICROS_PER_DAY + Math.floorMod(hash, MICROS_PER_DAY);
        long tid = (micros << 10) | ((hash >>> 54) & 0x3FF);
        char[] key = new char[13];
        for (int i = 12; i >= 0; i--) {
            key[i] = TID_ALPHABET.charAt((int) (tid & 31));
            tid >>>= 5;
        }
        return new String(key);
    }

    private static long hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private interface RequestForSession {
        HttpRequest.Builder build(Session session);
    }

    /** Sends with the current session; on ExpiredToken refreshes (or logs in again) and sends once more. */
    private HttpResponse<String> authorized(RequestForSession request) throws SocialException {
        if (session == null) session = createSession();
        HttpResponse<String> response = http.send(request.build(session)
                .header("Authorization", "Bearer " + session.accessJwt()).build());
        if (!expired(response)) return response;
        session = refreshSession();
        return http.send(request.build(session).header("Authorization", "Bearer " + session.accessJwt()).build());
    }

    private static boolean expired(HttpResponse<String> response) {
        return (response.statusCode() == 400 || response.statusCode() == 401)
                && "ExpiredToken".equals(ChannelHttp.body(response).path("error").asText());
    }

    private Session createSession() throws SocialException {
        String body = ChannelHttp.json().createObjectNode()
                .put("identifier", identifier)
                .put("password", appPassword)
                .toString();
        HttpResponse<String> response = http.send(http.request("/xrpc/com.atproto.server.createSession")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
        if (!ChannelHttp.successful(response)) throw failure(response);
        return session(http.successBody(response), response);
    }

    private Session refreshSession() throws SocialException {
        HttpResponse<String> response = http.send(http.request("/xrpc/com.atproto.server.refreshSession")
                .header("Authorization", "Bearer " + session.refreshJwt())
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        if (ChannelHttp.successful(response)) return session(http.successBody(response), response);
        String error = ChannelHttp.body(response).path("error").asText();
        if (error.equals("ExpiredToken") || error.equals("InvalidToken")) return createSession();
        throw failure(response);
    }

    private Session session(JsonNode answer, HttpResponse<String> response) throws SocialException {
        String access = answer.path("accessJwt").asText("");
        String did = answer.path("did").asText("");
        if (access.isEmpty() || did.isEmpty()) {
            throw new ChannelUnavailableException(NAME, response.statusCode(), "session answer without accessJwt or did");
        }
        return new Session(access, answer.path("refreshJwt").asText(""), did, answer.path("handle").asText(did));
    }

    private SocialException failure(HttpResponse<String> response) {
        JsonNode error = ChannelHttp.body(response);
        String code = error.path("error").asText("");
        String message = error.path("message").asText("");
        String text = code.isEmpty() ? message : message.isEmpty() ? code : code + ": " + message;
        return http.failure(response, text, resetAt(response));
    }

    /** Bluesky follows the IETF RateLimit draft; {@code ratelimit-reset} is read as epoch seconds. */
    private Instant resetAt(HttpResponse<String> response) {
        return response.headers().firstValue("ratelimit-reset")
                .filter(value -> value.strip().matches("\\d+"))
                .map(value -> {
                    long number = Long.parseLong(value.strip());
                    // the draft's reset is a delta in seconds; the PDS sends epoch seconds
                    return number > 1_000_000_000L ? Instant.ofEpochSecond(number) : clock.instant().plusSeconds(number);
                })
                .orElseGet(() -> ChannelHttp.retryAfter(response, clock.instant()));
    }
}
