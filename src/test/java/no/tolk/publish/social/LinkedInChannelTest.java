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
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LinkedInChannelTest {

    private static final String TOKEN = "linkedin-secret-token";
    private static final String ESCAPED_TEXT = "Blåbærsyltetøy på Ørland\n\n"
            + "Bygda \\(2 000 innbyggere\\) vant \\#1-prisen for syltetøy…\n\n"
            + SamplePosts.URL + "\n\n#nyheter #Trøndelag";

    private WireMockServer server;
    private LinkedInChannel channel;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        channel = new LinkedInChannel(SamplePosts.endpoint(server.baseUrl()), TOKEN, "2414183", "202601",
                Set.of("nb", "en"), SamplePosts.CLOCK);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private void answer(int status, String body) {
        server.stubFor(post("/rest/posts").willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void postsAsTheOrganizationWithVersionedHeadersAndAnArticleCard() throws Exception {
        server.stubFor(post("/rest/posts").willReturn(aResponse().withStatus(201)
                .withHeader("x-restli-id", "urn:li:share:7212345678901234567")));

        PostReceipt receipt = channel.post(SamplePosts.post("linkedin", "nb"));

        assertThat(receipt).isEqualTo(new PostReceipt("urn:li:share:7212345678901234567",
                URI.create("https://www.linkedin.com/feed/update/urn:li:share:7212345678901234567")));
        server.verify(postRequestedFor(urlEqualTo("/rest/posts"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("LinkedIn-Version", equalTo("202601"))
                .withHeader("X-Restli-Protocol-Version", equalTo("2.0.0"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"author":"urn:li:organization:2414183",
                         "commentary":%s,
                         "visibility":"PUBLIC",
                         "distribution":{"feedDistribution":"MAIN_FEED","targetEntities":[],"thirdPartyDistributionChannels":[]},
                         "content":{"article":{"source":"%s","title":"Blåbærsyltetøy på Ørland","description":%s}},
                         "lifecycleState":"PUBLISHED",
                         "isReshareDisabledByAuthor":false}""".formatted(MastodonChannelTest.json(ESCAPED_TEXT),
                        SamplePosts.URL, MastodonChannelTest.json(SamplePosts.EXCERPT)))));
    }

    @Test
    void reservedCharactersAreEscapedButTheUrlAndConfiguredHashtagsStayLive() {
        String commentary = LinkedInChannel.littleText(SamplePosts.post("linkedin", "nb"));
        assertThat(commentary).isEqualTo(ESCAPED_TEXT);
        assertThat(commentary).contains("?utm_source=social").doesNotContain("utm\\_source");
    }

    @Test
    void aCreatedAnswerWithoutThePostIdIsNotTakenAsPosted() {
        server.stubFor(post("/rest/posts").willReturn(aResponse().withStatus(201)));
        assertThat(catchThrowableOfType(ChannelUnavailableException.class,
                () -> channel.post(SamplePosts.post("linkedin", "nb")))).hasMessageContaining("x-restli-id");
    }

    @Test
    void missingPermissionIsARejectionOfTheCredentials() {
        answer(403, "{\"serviceErrorCode\":100,\"message\":\"Not enough permissions to access: "
                + "partnerApiPostsExternal.CREATE.20260101\",\"status\":403}");

        PostRejectedException rejected = catchThrowableOfType(PostRejectedException.class,
                () -> channel.post(SamplePosts.post("linkedin", "nb")));

        assertThat(rejected.credentialsRefused()).isTrue();
        assertThat(rejected.serviceMessage()).startsWith("Not enough permissions to access");
        assertThat(rejected.getMessage()).doesNotContain(TOKEN);
    }

    @Test
    void anExpiredTokenIsARejectionOfTheCredentials() {
        answer(401, "{\"status\":401,\"serviceErrorCode\":65601,\"code\":\"REVOKED_ACCESS_TOKEN\","
                + "\"message\":\"The token used in the request has been revoked by the user\"}");
        PostRejectedException rejected = catchThrowableOfType(PostRejectedException.class,
                () -> channel.post(SamplePosts.post("linkedin", "nb")));
        assertThat(rejected.status()).isEqualTo(401);
        assertThat(rejected.credentialsRefused()).isTrue();
    }

    @Test
    void aMissingFieldIsARejectionWithLinkedInsMessage() {
        answer(422, "{\"message\":\"ERROR :: /commentary :: field is required but not found and has no default value\","
                + "\"status\":422}");

        PostRejectedException rejected = catchThrowableOfType(PostRejectedException.class,
                () -> channel.post(SamplePosts.post("linkedin", "nb")));

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.credentialsRefused()).isFalse();
        assertThat(rejected.serviceMessage()).contains("/commentary :: field is required");
    }

    @Test
    void throttlingIsRateLimitedWithRetryAfter() {
        server.stubFor(post("/rest/posts").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":429,\"serviceErrorCode\":101,\"code\":\"TOO_MANY_REQUESTS\","
                        + "\"message\":\"Resource level throttle APPLICATION DAY limit for calls to this resource is reached.\"}")));

        ChannelRateLimitedException limited = catchThrowableOfType(ChannelRateLimitedException.class,
                () -> channel.post(SamplePosts.post("linkedin", "nb")));

        assertThat(limited.resetAt()).contains(SamplePosts.NOW.plusSeconds(3600));
    }

    @Test
    void serverErrorsAreUnavailable() {
        answer(500, "{\"message\":\"Internal Server Error\",\"status\":500}");
        ChannelUnavailableException down = catchThrowableOfType(ChannelUnavailableException.class,
                () -> channel.post(SamplePosts.post("linkedin", "nb")));
        assertThat(down.status()).isEqualTo(500);
    }

    @Test
    void aNewRevisionReplacesTheCommentaryWithARestLiPartialUpdate() throws Exception {
        String path = "/rest/posts/urn%3Ali%3Ashare%3A7212345678901234567";
        server.stubFor(post(path).willReturn(aResponse().withStatus(204)));

        PostReceipt receipt = channel.update("urn:li:share:7212345678901234567", SamplePosts.post("linkedin", "nb"));

        assertThat(channel.canUpdate()).isTrue();
        assertThat(receipt.externalId()).isEqualTo("urn:li:share:7212345678901234567");
        server.verify(postRequestedFor(urlEqualTo(path))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("LinkedIn-Version", equalTo("202601"))
                .withHeader("X-Restli-Protocol-Version", equalTo("2.0.0"))
                .withHeader("X-RestLi-Method", equalTo("PARTIAL_UPDATE"))
                .withRequestBody(equalToJson("{\"patch\":{\"$set\":{\"commentary\":"
                        + com.fasterxml.jackson.databind.node.TextNode.valueOf(ESCAPED_TEXT) + "}}}")));
        server.verify(0, postRequestedFor(urlEqualTo("/rest/posts")));
    }

    @Test
    void anEditOfAPostThatIsGoneIsRefused() {
        server.stubFor(post("/rest/posts/urn%3Ali%3Ashare%3A1").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Not Found\",\"status\":404}")));

        PostRejectedException refused = catchThrowableOfType(PostRejectedException.class,
                () -> channel.update("urn:li:share:1", SamplePosts.post("linkedin", "nb")));

        assertThat(refused).isNotNull();
        assertThat(refused.status()).isEqualTo(404);
    }
}
