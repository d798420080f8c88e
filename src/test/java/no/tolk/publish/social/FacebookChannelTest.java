package no.tolk.publish.social;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FacebookChannelTest {

    private static final String TOKEN = "EAAB-page-secret-token";
    private static final String FEED = "/v21.0/104523718765432/feed";

    private WireMockServer server;
    private FacebookChannel channel;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        channel = new FacebookChannel(SamplePosts.endpoint(server.baseUrl()), TOKEN, "104523718765432", "v21.0",
                Set.of("nb", "en"), SamplePosts.CLOCK);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private void error(int status, int code, String type, String message) {
        server.stubFor(post(FEED).willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"code\":" + code
                        + ",\"error_subcode\":460,\"fbtrace_id\":\"AbCdEfGh123\"}}")));
    }

    @Test
    void postsMessageAndLinkToThePageFeedWithTheTokenInTheBody() throws Exception {
        server.stubFor(post(FEED).willReturn(okJson("{\"id\":\"104523718765432_987654321012345\"}")));

        PostReceipt receipt = channel.post(SamplePosts.post("facebook", "nb"));

        assertThat(receipt).isEqualTo(new PostReceipt("104523718765432_987654321012345",
                URI.create("https://www.facebook.com/104523718765432_987654321012345")));
        server.verify(postRequestedFor(urlEqualTo(FEED))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("message", equalTo(SamplePosts.TEXT))
                .withFormParam("link", equalTo(SamplePosts.URL.toString()))
                .withFormParam("access_token", equalTo(TOKEN)));
    }

    @Test
    void aNewRevisionEditsTheTextOfThePagePost() throws Exception {
        String postPath = "/v21.0/104523718765432_987654321012345";
        server.stubFor(post(postPath).willReturn(okJson("{\"success\":true}")));

        PostReceipt receipt = channel.update("104523718765432_987654321012345", SamplePosts.post("facebook", "nb"));

        assertThat(channel.canUpdate()).isTrue();
        assertThat(receipt.externalId()).isEqualTo("104523718765432_987654321012345");
        server.verify(postRequestedFor(urlEqualTo(postPath))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("message", equalTo(SamplePosts.TEXT))
                .withFormParam("access_token", equalTo(TOKEN)));
        server.verify(0, postRequestedFor(urlEqualTo(FEED)));
    }

    @Test
    void anEditThatGraphDoesNotConfirmIsNotTakenAsDone() {
        server.stubFor(post("/v21.0/104523718765432_1").willReturn(okJson("{\"success\":false}")));

        assertThat(catchThrowableOfType(ChannelUnavailableException.class,
                () -> channel.update("104523718765432_1", SamplePosts.post("facebook", "nb")))).isNotNull();
    }

    @Test
    void anInvalidTokenIsARejectionOfTheCredentials() {
        error(400, 190, "OAuthException", "Error validating access token: Session has expired");

        PostRejectedException rejected = catchThrowableOfType(PostRejectedException.class,
                () -> channel.post(SamplePosts.post("facebook", "nb")));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.credentialsRefused()).isTrue();
        assertThat(rejected.serviceMessage()).startsWith("Error validating access token")
                .contains("code 190").contains("subcode 460").contains("fbtrace_id AbCdEfGh123");
        assertThat(rejected.getMessage()).doesNotContain(TOKEN);
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 17, 32, 613})
    void throttlingCodesAreRateLimitingWhateverTheStatus(int code) {
        error(code == 4 ? 403 : 400, code, "OAuthException", "(#" + code + ") Rate limit reached");
        ChannelRateLimitedException limited = catchThrowableOfType(ChannelRateLimitedException.class,
                () -> channel.post(SamplePosts.post("facebook", "nb")));
        assertThat(limited.getMessage()).contains("code " + code);
    }

    @Test
    void anInvalidParameterIsARejection() {
        error(400, 100, "OAuthException", "(#100) The parameter link is not a valid URL");
        PostRejectedException rejected = catchThrowableOfType(PostRejectedException.class,
                () -> channel.post(SamplePosts.post("facebook", "nb")));
        assertThat(rejected.credentialsRefused()).isFalse();
        assertThat(rejected.serviceMessage()).startsWith("(#100) The parameter link is not a valid URL");
    }

    @Test
    void temporaryGraphErrorsAndServerErrorsAreUnavailable() {
        error(500, 2, "OAuthException", "An unexpected error has occurred. Please retry your request later.");
        assertThat(catchThrowableOfType(ChannelUnavailableException.class,
                () -> channel.post(SamplePosts.post("facebook", "nb"))).status()).isEqualTo(500);

        server.stubFor(post(FEED).willReturn(aResponse().withStatus(502).withBody("Bad Gateway")));
        assertThat(catchThrowableOfType(ChannelUnavailableException.class,
                () -> channel.post(SamplePosts.post("facebook", "nb"))).status()).isEqualTo(502);
    }
}
