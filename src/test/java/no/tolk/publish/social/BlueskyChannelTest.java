package no.tolk.publish.social;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BlueskyChannelTest {

    private static final String PASSWORD = "abcd-efgh-ijkl-mnop";
    private static final String DID = "did:plc:z72i7hdynmk6r22z27h6tvur";
    private static final String CREATE_SESSION = "/xrpc/com.atproto.server.createSession";
    private static final String REFRESH_SESSION = "/xrpc/com.atproto.server.refreshSession";
    private static final String PUT_RECORD = "/xrpc/com.atproto.repo.putRecord";

    private WireMockServer server;
    private BlueskyChannel channel;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        channel = new BlueskyChannel(SamplePosts.endpoint(server.baseUrl()), "tolk.bsky.social", PASSWORD,
                Set.of("nb", "en"), SamplePosts.CLOCK);
        server.stubFor(post(CREATE_SESSION).willReturn(okJson(session("access-1", "refresh-1"))));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private static String session(String access, String refresh) {
        return "{\"accessJwt\":\"" + access + "\",\"refreshJwt\":\"" + refresh + "\",\"handle\":\"tolk.bsky.social\","
                + "\"did\":\"" + DID + "\",\"active\":true}";
    }

    private static String recordAnswer(String rkey) {
        return "{\"uri\":\"at://" + DID + "/app.bsky.feed.post/" + rkey + "\",\"cid\":\"bafyreib2rxk3rh6kzwq\","
                + "\"validationStatus\":\"valid\"}";
    }

    @Test
    void logsInThenPutsThePostUnderADeterministicRecordKey() throws Exception {
        SocialPost post = SamplePosts.post("bluesky", "nb");
        String rkey = BlueskyChannel.recordKey(post);
        server.stubFor(post(PUT_RECORD).willReturn(okJson(recordAnswer(rkey))));

        PostReceipt receipt = channel.post(post);

        assertThat(receipt).isEqualTo(new PostReceipt("at://" + DID + "/app.bsky.feed.post/" + rkey,
                URI.create("https://bsky.app/profile/tolk.bsky.social/post/" + rkey)));
        server.verify(postRequestedFor(urlEqualTo(CREATE_SESSION))
                .withRequestBody(equalToJson("{\"identifier\":\"tolk.bsky.social\",\"password\":\"" + PASSWORD + "\"}")));
        server.verify(postRequestedFor(urlEqualTo(PUT_RECORD))
                .withHeader("Authorization", equalTo("Bearer access-1"))
                .withRequestBody(matchingJsonPath("$.repo", equalTo(DID)))
                .withRequestBody(matchingJsonPath("$.collection", equalTo("app.bsky.feed.post")))
                .withRequestBody(matchingJsonPath("$.rkey", equalTo(rkey)))
                .withRequestBody(matchingJsonPath("$.record.$type", equalTo("app.bsky.feed.post")))
                .withRequestBody(matchingJsonPath("$.record.text", equalTo(SamplePosts.TEXT)))
                .withRequestBody(matchingJsonPath("$.record.createdAt", equalTo("2026-11-26T10:15:30Z")))
                .withRequestBody(matchingJsonPath("$.record.langs[0]", equalTo("nb")))
                .withRequestBody(matchingJsonPath("$.record.embed.$type", equalTo("app.bsky.embed.external")))
                .withRequestBody(matchingJsonPath("$.record.embed.external.uri", equalTo(SamplePosts.URL.toString())))
                .withRequestBody(matchingJsonPath("$.record.embed.external.title", equalTo(SamplePosts.TITLE)))
                .withRequestBody(matchingJsonPath("$.record.embed.external.description", equalTo(SamplePosts.EXCERPT))));
    }

    @Test
    void theLinkFacetUsesUtf8ByteOffsetsSoÆøåBeforeTheUrlCountTwice() throws Exception {
        SocialPost post = SamplePosts.post("bluesky", "nb");
        server.stubFor(post(PUT_RECORD).willReturn(okJson(recordAnswer(BlueskyChannel.recordKey(post)))));

        channel.post(post);

        JsonNode facets = sentRecord().path("facets");
        String before = SamplePosts.TITLE + "\n\n" + SamplePosts.EXCERPT + "\n\n";
        int nonAscii = (int) before.chars().filter(c -> c > 0x7F).count(); // å æ ø å Ø ø and "…"
        assertThat(nonAscii).isEqualTo(7);
        int byteStart = before.length() + 6 * 1 + 2; // six 2-byte letters, one 3-byte ellipsis
        assertThat(byteStart).isEqualTo(before.getBytes(StandardCharsets.UTF_8).length);
        JsonNode link = facets.get(0);
        assertThat(link.path("index").path("byteStart").asInt()).isEqualTo(byteStart);
        assertThat(link.path("index").path("byteEnd").asInt()).isEqualTo(byteStart + SamplePosts.URL.toString().length());
        assertThat(link.path("features").get(0).path("$type").asText()).isEqualTo("app.bsky.richtext.facet#link");
        assertThat(link.path("features").get(0).path("uri").asText()).isEqualTo(SamplePosts.URL.toString());

        byte[] text = SamplePosts.TEXT.getBytes(StandardCharsets.UTF_8);
        JsonNode tag = facets.get(2);
        String tagged = new String(text, tag.path("index").path("byteStart").asInt(),
                tag.path("index").path("byteEnd").asInt() - tag.path("index").path("byteStart").asInt(), StandardCharsets.UTF_8);
        assertThat(tagged).isEqualTo("#Trøndelag");
        assertThat(tag.path("features").get(0).path("tag").asText()).isEqualTo("Trøndelag");
        assertThat(facets).hasSize(3);
    }

    @Test
    void recordKeysAreValidTidsThatRepeatForARetryAndDifferPerLanguage() {
        String nb = BlueskyChannel.recordKey(SamplePosts.post("bluesky", "nb"));
        assertThat(nb).matches("[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}");
        assertThat(BlueskyChannel.recordKey(SamplePosts.post("bluesky", "nb"))).isEqualTo(nb);
        assertThat(BlueskyChannel.recordKey(SamplePosts.post("bluesky", "en"))).isNotEqualTo(nb);
    }

    @Test
    void anExpiredAccessTokenIsRefreshedAndTheRequestSentAgain() throws Exception {
        SocialPost post = SamplePosts.post("bluesky", "nb");
        String rkey = BlueskyChannel.recordKey(post);
        server.stubFor(post(PUT_RECORD).withHeader("Authorization", equalTo("Bearer access-1"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}")));
        server.stubFor(post(REFRESH_SESSION).withHeader("Authorization", equalTo("Bearer refresh-1"))
                .willReturn(okJson(session("access-2", "refresh-2"))));
        server.stubFor(post(PUT_RECORD).withHeader("Authorization", equalTo("Bearer access-2"))
                .willReturn(okJson(recordAnswer(rkey))));

        PostReceipt receipt = channel.post(post);

        assertThat(receipt.externalId()).endsWith("/" + rkey);
        server.verify(1, postRequestedFor(urlEqualTo(CREATE_SESSION)));
        server.verify(1, postRequestedFor(urlEqualTo(REFRESH_SESSION)));
        List<LoggedRequest> puts = server.findAll(postRequestedFor(urlEqualTo(PUT_RECORD)));
        assertThat(puts).extracting(request -> request.getHeader("Authorization"))
                .containsExactly("Bearer access-1", "Bearer access-2");
        assertThat(puts).extracting(LoggedRequest::getBodyAsString).containsOnly(puts.get(0).getBodyAsString());
    }

    @Test
    void aWrongAppPasswordIsARejectionOfTheCredentials() {
        server.stubFor(post(CREATE_SESSION).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"AuthenticationRequired\",\"message\":\"Invalid identifier or password\"}")));

        PostRejectedException rejected = catchThrowableOfType(PostRejectedException.class,
                () -> channel.post(SamplePosts.post("bluesky", "nb")));

        assertThat(rejected.credentialsRefused()).isTrue();
        assertThat(rejected.serviceMessage()).isEqualTo("AuthenticationRequired: Invalid identifier or password");
        assertThat(rejected.getMessage()).doesNotContain(PASSWORD);
    }

    @Test
    void anInvalidRecordIsARejection() {
        server.stubFor(post(PUT_RECORD).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"InvalidRequest\",\"message\":\"Invalid app.bsky.feed.post record: "
                        + "Record/text must not be longer than 300 graphemes\"}")));

        PostRejectedException rejected = catchThrowableOfType(PostRejectedException.class,
                () -> channel.post(SamplePosts.post("bluesky", "nb")));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.credentialsRefused()).isFalse();
        assertThat(rejected.serviceMessage()).startsWith("InvalidRequest: Invalid app.bsky.feed.post record");
    }

    @Test
    void rateLimitingCarriesTheResetTime() {
        server.stubFor(post(PUT_RECORD).willReturn(aResponse().withStatus(429)
                .withHeader("ratelimit-limit", "5000").withHeader("ratelimit-remaining", "0")
                .withHeader("ratelimit-reset", "1795256400").withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"RateLimitExceeded\",\"message\":\"Rate Limit Exceeded\"}")));

        ChannelRateLimitedException limited = catchThrowableOfType(ChannelRateLimitedException.class,
                () -> channel.post(SamplePosts.post("bluesky", "nb")));

        assertThat(limited.resetAt()).contains(Instant.ofEpochSecond(1795256400));
    }

    @Test
    void aBadGatewayIsUnavailable() {
        server.stubFor(post(PUT_RECORD).willReturn(aResponse().withStatus(502)));
        ChannelUnavailableException down = catchThrowableOfType(ChannelUnavailableException.class,
                () -> channel.post(SamplePosts.post("bluesky", "nb")));
        assertThat(down.status()).isEqualTo(502);
    }

    @Test
    void findsTheEarlierPostByItsRecordKey() throws Exception {
        SocialPost post = SamplePosts.post("bluesky", "nb");
        String rkey = BlueskyChannel.recordKey(post);
        server.stubFor(get(urlPathEqualTo("/xrpc/com.atproto.repo.getRecord"))
                .withQueryParam("repo", equalTo(DID)).withQueryParam("collection", equalTo("app.bsky.feed.post"))
                .withQueryParam("rkey", equalTo(rkey))
                .willReturn(okJson(recordAnswer(rkey).replace("}", ",\"value\":{}}"))));
        server.stubFor(get(urlPathEqualTo("/xrpc/com.atproto.repo.getRecord"))
                .withQueryParam("rkey", equalTo(BlueskyChannel.recordKey(SamplePosts.post("bluesky", "en"))))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"RecordNotFound\",\"message\":\"Could not locate record\"}")));

        assertThat(channel.find(post)).map(PostReceipt::externalId)
                .contains("at://" + DID + "/app.bsky.feed.post/" + rkey);
        assertThat(channel.find(SamplePosts.post("bluesky", "en"))).isEmpty();
    }

    private JsonNode sentRecord() throws Exception {
        LoggedRequest request = server.findAll(postRequestedFor(urlEqualTo(PUT_RECORD))).get(0);
        return ChannelHttp.json().readTree(request.getBodyAsString()).path("record");
    }
}
