package no.tolk.publish;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import no.tolk.publish.cms.Slug;
import no.tolk.publish.cms.WordPressPublisher;
import no.tolk.publish.cms.WordPressSettings;

/**
 * A WordPress that remembers what was created: looking the post up by Tolk's marker finds it once it was created
 * (its raw content carries the marker searched for), and a second create for the same slug is not stubbed (it would
 * fail the run and show in the journal).
 */
final class WordPressStub implements AutoCloseable {

    static final String POSTS = "/wp-json/wp/v2/posts";

    final WireMockServer server = new WireMockServer(options().dynamicPort());

    WordPressStub() {
        server.start();
    }

    WordPressPublisher publisher(Path imageDir) {
        return publisher(imageDir, false);
    }

    /** @param polylang whether the site has Polylang Pro's REST fields ({@code lang}, {@code translations}) */
    WordPressPublisher publisher(Path imageDir, boolean polylang) {
        return new WordPressPublisher(new WordPressSettings(URI.create(server.baseUrl() + "/"), "editor", "abcd efgh ijkl mnop",
                "draft", LocalTime.of(6, 0), ZoneId.of("Europe/Oslo"), polylang, List.of(), false, imageDir, 1_000_000,
                Duration.ofSeconds(2), Duration.ofSeconds(5)), Clock.systemUTC());
    }

    /** A post that does not exist yet; {@code id} is what WordPress gives it when created. */
    void expectPost(String language, String title, long id, int latencyMillis) {
        expectPost(language, title, id, latencyMillis, latencyMillis);
    }

    /** As above, with the answer to the create delayed on its own: WordPress has the post from the request on. */
    void expectPost(String language, String title, long id, int latencyMillis, int createLatencyMillis) {
        String slug = Slug.of(title);
        String scenario = "post-" + slug;
        String lookup = " lang=" + language + "\"";
        server.stubFor(get(urlPathEqualTo(POSTS)).withQueryParam("search", containing(lookup))
                .inScenario(scenario).whenScenarioStateIs(STARTED)
                .willReturn(okJson("[]").withFixedDelay(latencyMillis)));
        server.stubFor(post(urlEqualTo(POSTS)).withRequestBody(matchingJsonPath("$.slug", equalTo(slug)))
                .inScenario(scenario).whenScenarioStateIs(STARTED).willSetStateTo("created")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(postJson(id, slug)).withFixedDelay(createLatencyMillis)));
        // the post as found by the marker search: its raw content carries the marker that was searched for
        server.stubFor(get(urlPathEqualTo(POSTS)).withQueryParam("search", containing(lookup))
                .inScenario(scenario).whenScenarioStateIs("created")
                .willReturn(okJson("[" + postJson(id, slug).replaceFirst("}$", ",\"content\":{\"raw\":\"<!-- "
                        + "{{{regexExtract request.query.search 'tolk:article=[a-z0-9]+ lang=[a-z]+'}}} --> <p>x</p>\"}}") + "]")
                        .withTransformers("response-template").withFixedDelay(latencyMillis)));
        server.stubFor(post(urlEqualTo(POSTS + "/" + id)).willReturn(okJson(postJson(id, slug)).withFixedDelay(latencyMillis)));
        server.stubFor(get(urlPathEqualTo(POSTS + "/" + id)).willReturn(okJson(postJson(id, slug)).withFixedDelay(latencyMillis)));
    }

    /** Requests that created a post ({@code POST /posts}, not updates). */
    List<LoggedRequest> creates() {
        return server.findAll(postRequestedFor(urlEqualTo(POSTS)));
    }

    List<LoggedRequest> updatesOf(long id) {
        return server.findAll(postRequestedFor(urlEqualTo(POSTS + "/" + id)));
    }

    String postJson(long id, String slug) {
        return "{\"id\":" + id + ",\"slug\":\"" + slug + "\",\"status\":\"publish\",\"type\":\"post\",\"link\":\""
                + server.baseUrl() + "/" + slug + "/\",\"title\":{\"rendered\":\"x\"},\"featured_media\":0}";
    }

    @Override
    public void close() {
        server.stop();
    }
}
