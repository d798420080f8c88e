package no.tolk.publish.social;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MastodonChannelTest {

    private static final String TOKEN = "mastodon-secret-token";
    private static final String STATUS = """
            {"id":"113024587523489","created_at":"2026-11-26T10:15:31.000Z","language":"nb","visibility":"public",
             "url":"https://mastodon.example/@tolk/113024587523489","uri":"https://mastodon.example/users/tolk/statuses/113024587523489",
             "content":"<p>Blåbærsyltetøy på Ørland</p>"}""";

    private WireMockServer server;
    private MastodonChannel channel;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        channel = new MastodonChannel(SamplePosts.endpoint(server.baseUrl()), TOKEN, Set.of("nb", "en"), 500, "public",
                SamplePosts.CLOCK);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void postsTheStatusWithLanguageVisibilityAndAnIdempotencyKey() throws Exception {
        server.stubFor(post("/api/v1/statuses").willReturn(okJson(STATUS)));
        SocialPost post = SamplePosts.post("mastodon", "nb");

        PostReceipt receipt = channel.post(post);

        assertThat(receipt).isEqualTo(new PostReceipt("113024587523489",
                URI.create("https://mastodon.example/@tolk/113024587523489")));
        server.verify(postRequestedFor(urlEqualTo("/api/v1/statuses"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Idempotency-Key", equalTo(post.idempotencyKey()))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"status\":" + json(SamplePosts.TEXT)
                        + ",\"language\":\"nb\",\"visibility\":\"public\"}")));
    }

    @Test
    void aRetrySendsTheSameIdempotencyKeyAndTheOtherLanguageAnother() throws Exception {
        server.stubFor(post("/api/v1/statuses").willReturn(okJson(STATUS)));
        channel.post(SamplePosts.post("mastodon", "nb"));
        channel.post(SamplePosts.post("mastodon", "nb"));
        channel.post(SamplePosts.post("mastodon", "en"));

        String nbKey = SamplePosts.post("mastodon", "nb").idempotencyKey();
        String enKey = SamplePosts.post("mastodon", "en").idempotencyKey();
        assertThat(nbKey).isNotEqualTo(enKey);
        server.verify(2, postRequestedFor(urlEqualTo("/api/v1/statuses")).withHeader("Idempotency-Key", equalTo(nbKey)));
        server.verify(1, postRequestedFor(urlEqualTo("/api/v1/statuses")).withHeader("Idempotency-Key", equalTo(enKey))
                .withRequestBody(equalToJson("{\"language\":\"en\"}", true, true)));
    }

    @Test
    void editsAnEarlierStatus() throws Exception {
        server.stubFor(put("/api/v1/statuses/113024587523489").willReturn(okJson(STATUS)));

        PostReceipt receipt = channel.update("113024587523489", SamplePosts.post("mastodon", "nb"));

        assertThat(channel.canUpdate()).isTrue();
        assertThat(receipt.externalId()).isEqualTo("113024587523489");
        server.verify(putRequestedFor(urlEqualTo("/api/v1/statuses/113024587523489"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson("{\"status\":" + json(SamplePosts.TEXT) + ",\"language\":\"nb\"}")));
    }

    @Test
    void anInvalidTokenIsARejectionOfTheCredentials() {
        server.stubFor(post("/api/v1/statuses").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"The access token is invalid\"}")));

        PostRejectedException rejected = catchThrowableOfType(PostRejectedException.class,
                () -> channel.post(SamplePosts.post("mastodon", "nb")));

        assertThat(rejected.status()).isEqualTo(401);
        assertThat(rejected.credentialsRefused()).isTrue();
        assertThat(rejected.serviceMessage()).isEqualTo("The access token is invalid");
        assertThat(rejected.getMessage()).startsWith("mastodon: ").doesNotContain(TOKEN);
    }

    @Test
    void aValidationErrorIsARejectionWithMastodonsMessage() {
        server.stubFor(post("/api/v1/statuses").willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"Validation failed: Text character limit of 500 exceeded\"}")));

        PostRejectedException rejected = catchThrowableOfType(PostRejectedException.class,
                () -> channel.post(SamplePosts.post("mastodon", "nb")));

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.credentialsRefused()).isFalse();
        assertThat(rejected.serviceMessage()).isEqualTo("Validation failed: Text character limit of 500 exceeded");
    }

    @Test
    void tooManyRequestsCarriesTheResetTimeFromXRateLimitReset() {
        server.stubFor(post("/api/v1/statuses").willReturn(aResponse().withStatus(429)
                .withHeader("X-RateLimit-Limit", "300").withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", "2026-11-26T10:20:00.000000Z")
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"Too many requests\"}")));

        ChannelRateLimitedException limited = catchThrowableOfType(ChannelRateLimitedException.class,
                () -> channel.post(SamplePosts.post("mastodon", "nb")));

        assertThat(limited.resetAt()).contains(Instant.parse("2026-11-26T10:20:00Z"));
        assertThat(limited.getMessage()).contains("Too many requests");
    }

    @Test
    void serverErrorsAndTimeoutsMeanUnavailable() {
        server.stubFor(post("/api/v1/statuses").willReturn(aResponse().withStatus(503).withBody("<html>maintenance</html>")));
        ChannelUnavailableException down = catchThrowableOfType(ChannelUnavailableException.class,
                () -> channel.post(SamplePosts.post("mastodon", "nb")));
        assertThat(down.status()).isEqualTo(503);

        server.stubFor(post("/api/v1/statuses").willReturn(okJson(STATUS).withFixedDelay(1500)));
        MastodonChannel impatient = new MastodonChannel(new ChannelEndpoint(URI.create(server.baseUrl()),
                Duration.ofSeconds(1), Duration.ofMillis(300)), TOKEN, Set.of("nb"), 500, "public", SamplePosts.CLOCK);
        ChannelUnavailableException slow = catchThrowableOfType(ChannelUnavailableException.class,
                () -> impatient.post(SamplePosts.post("mastodon", "nb")));
        assertThat(slow.status()).isZero();
        assertThat(slow.getMessage()).contains("no answer within");
    }

    @Test
    void aRefusedConnectionIsUnavailable() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        MastodonChannel nowhere = new MastodonChannel(SamplePosts.endpoint("http://127.0.0.1:" + closedPort), TOKEN,
                Set.of("nb"), 500, "public", SamplePosts.CLOCK);

        ChannelUnavailableException down = catchThrowableOfType(ChannelUnavailableException.class,
                () -> nowhere.post(SamplePosts.post("mastodon", "nb")));

        assertThat(down.status()).isZero();
        assertThat(down.getMessage()).startsWith("mastodon: cannot reach 127.0.0.1").doesNotContain(TOKEN);
    }

    @Test
    void aSuccessfulAnswerWithoutAnIdIsNotTakenAsPosted() {
        server.stubFor(post("/api/v1/statuses").willReturn(okJson("{}")));
        assertThat(catchThrowableOfType(ChannelUnavailableException.class,
                () -> channel.post(SamplePosts.post("mastodon", "nb")))).hasMessageContaining("without a status id");
    }

    @Test
    void countsLikeTheInstance() {
        assertThat(channel.lengthRule().limit()).isEqualTo(500);
        assertThat(channel.lengthRule().length("Se " + SamplePosts.URL)).isEqualTo(3 + 23);
    }

    static String json(String text) {
        return ChannelHttp.json().getNodeFactory().textNode(text).toString();
    }
}
