package no.tolk.publish.social;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class XChannelTest {

    private static final String TOKEN = "x-user-secret-token";

    private WireMockServer server;
    private XChannel channel;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        channel = new XChannel(SamplePosts.endpoint(server.baseUrl()), TOKEN, Set.of("nb", "en"), SamplePosts.CLOCK);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private void answer(int status, String body) {
        server.stubFor(post("/2/tweets").willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void postsTheTextWithTheUserToken() throws Exception {
        answer(201, "{\"data\":{\"id\":\"1346889436626259968\",\"text\":\"Blåbærsyltetøy på Ørland\",\"edit_history_tweet_ids\":[\"1346889436626259968\"]}}");

        PostReceipt receipt = channel.post(SamplePosts.post("x", "nb"));

        assertThat(receipt).isEqualTo(new PostReceipt("1346889436626259968",
                URI.create("https://x.com/i/web/status/1346889436626259968")));
        server.verify(postRequestedFor(urlEqualTo("/2/tweets"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"text\":" + MastodonChannelTest.json(SamplePosts.TEXT) + "}")));
        assertThat(channel.lengthRule().length(SamplePosts.TEXT)).isLessThan(SamplePosts.TEXT.length());
    }

    @Test
    void duplicateTextIsADuplicatePost() {
        answer(403, "{\"detail\":\"You are not allowed to create a Tweet with duplicate content.\",\"type\":\"about:blank\","
                + "\"title\":\"Forbidden\",\"status\":403}");

        DuplicatePostException duplicate = catchThrowableOfType(DuplicatePostException.class,
                () -> channel.post(SamplePosts.post("x", "nb")));

        assertThat(duplicate.status()).isEqualTo(403);
        assertThat(duplicate.credentialsRefused()).isFalse();
        assertThat(duplicate.serviceMessage()).contains("duplicate content");
    }

    @Test
    void anyOtherForbiddenIsARejectionOfTheCredentials() {
        answer(403, "{\"detail\":\"You are not permitted to perform this action.\",\"type\":\"about:blank\","
                + "\"title\":\"Forbidden\",\"status\":403}");

        PostRejectedException rejected = catchThrowableOfType(PostRejectedException.class,
                () -> channel.post(SamplePosts.post("x", "nb")));

        assertThat(rejected).isNotInstanceOf(DuplicatePostException.class);
        assertThat(rejected.credentialsRefused()).isTrue();
    }

    @Test
    void anInvalidTokenIsUnauthorized() {
        answer(401, "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}");
        PostRejectedException rejected = catchThrowableOfType(PostRejectedException.class,
                () -> channel.post(SamplePosts.post("x", "nb")));
        assertThat(rejected.status()).isEqualTo(401);
        assertThat(rejected.getMessage()).doesNotContain(TOKEN);
    }

    @Test
    void tooLongTextIsARejection() {
        answer(400, "{\"errors\":[{\"parameters\":{},\"message\":\"Your Tweet text is too long.\"}],"
                + "\"title\":\"Invalid Request\",\"detail\":\"One or more parameters to your request was invalid.\"}");
        PostRejectedException rejected = catchThrowableOfType(PostRejectedException.class,
                () -> channel.post(SamplePosts.post("x", "nb")));
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.serviceMessage()).isEqualTo("One or more parameters to your request was invalid.");
    }

    @Test
    void rateLimitingCarriesTheEpochResetTime() {
        server.stubFor(post("/2/tweets").willReturn(aResponse().withStatus(429)
                .withHeader("x-rate-limit-limit", "100").withHeader("x-rate-limit-remaining", "0")
                .withHeader("x-rate-limit-reset", "1795256400").withHeader("Content-Type", "application/json")
                .withBody("{\"errors\":[{\"code\":88,\"message\":\"Rate limit exceeded\"}]}")));

        ChannelRateLimitedException limited = catchThrowableOfType(ChannelRateLimitedException.class,
                () -> channel.post(SamplePosts.post("x", "nb")));

        assertThat(limited.resetAt()).contains(Instant.ofEpochSecond(1795256400));
        assertThat(limited.getMessage()).contains("Rate limit exceeded");
    }

    @Test
    void serviceUnavailableIsUnavailable() {
        answer(503, "{\"title\":\"Service Unavailable\",\"detail\":\"Service Unavailable\",\"status\":503}");
        ChannelUnavailableException down = catchThrowableOfType(ChannelUnavailableException.class,
                () -> channel.post(SamplePosts.post("x", "nb")));
        assertThat(down.status()).isEqualTo(503);
    }
}
