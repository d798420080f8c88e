package no.tolk.publish.cms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import no.tolk.article.Article;
import no.tolk.article.ArticleJson;
import no.tolk.article.Image;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordPressPublisherTest {

    private static final String POSTS = "/wp-json/wp/v2/posts";
    private static final String USER = "tolk-editor";
    private static final String PASSWORD = "abcd EFGH ijkl MNOP qrst UVWX";
    /** 2026-08-14 10:00 in Oslo. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-08-14T08:00:00Z"), ZoneId.of("UTC"));

    @TempDir
    Path imageDir;
    WireMockServer wordpress;

    @BeforeEach
    void start() {
        wordpress = new WireMockServer(options().dynamicPort());
        wordpress.start();
    }

    @AfterEach
    void stop() {
        wordpress.stop();
    }

    private WordPressSettings settings(String status, boolean polylang, Duration requestTimeout) {
        return new WordPressSettings(URI.create(wordpress.baseUrl() + "/"), USER, PASSWORD, status, LocalTime.of(6, 0),
                ZoneId.of("Europe/Oslo"), polylang, List.of(), true, imageDir, 1_000_000,
                Duration.ofSeconds(2), requestTimeout);
    }

    private WordPressPublisher publisher() {
        return new WordPressPublisher(settings("draft", false, Duration.ofSeconds(5)), CLOCK);
    }

    private WordPressPublisher polylangPublisher() {
        return new WordPressPublisher(settings("draft", true, Duration.ofSeconds(5)), CLOCK);
    }

    /** The sample without a fetchable image, so only the post calls happen. */
    private static Article norwegianWithoutImage() {
        Article nb = SampleArticles.norwegian();
        return new Article(nb.id(), nb.revision(), nb.sourceFile(), nb.language(), nb.title(), nb.lead(), nb.author(),
                nb.published(), nb.revised(), List.of(), nb.tags(), nb.blocks());
    }

    private static Article withImage(Article article, Image image) {
        return new Article(article.id(), article.revision(), article.sourceFile(), article.language(), article.title(),
                article.lead(), article.author(), article.published(), article.revised(), List.of(image), List.of(), article.blocks());
    }

    private void stubNoPostWithSlug() {
        wordpress.stubFor(get(urlPathEqualTo(POSTS)).willReturn(okJson("[]")));
    }

    private void stubKnownTags() {
        wordpress.stubFor(get(urlPathEqualTo("/wp-json/wp/v2/tags")).withQueryParam("search", equalTo("Røros"))
                .willReturn(okJson("[{\"id\":7,\"name\":\"R&oslash;ros\",\"slug\":\"roros\"},{\"id\":9,\"name\":\"Rørosmartnan\"}]")));
        wordpress.stubFor(get(urlPathEqualTo("/wp-json/wp/v2/tags")).withQueryParam("search", equalTo("Natur"))
                .willReturn(okJson("[{\"id\":11,\"name\":\"Naturvern\"}]")));
        wordpress.stubFor(post(urlEqualTo("/wp-json/wp/v2/tags")).withRequestBody(matchingJsonPath("$.name", equalTo("Natur")))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":8,\"name\":\"Natur\",\"slug\":\"natur\",\"taxonomy\":\"post_tag\"}")));
    }

    private void stubCreated(long id, String slug) {
        wordpress.stubFor(post(urlEqualTo(POSTS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withHeader("Location", wordpress.baseUrl() + POSTS + "/" + id)
                .withBody(postJson(id, slug, "draft"))));
    }

    private void stubUpdated(long id, String slug) {
        wordpress.stubFor(post(urlEqualTo(POSTS + "/" + id)).willReturn(okJson(postJson(id, slug, "draft"))));
    }

    private String postJson(long id, String slug, String status) {
        return "{\"id\":" + id + ",\"slug\":\"" + slug + "\",\"status\":\"" + status + "\",\"type\":\"post\",\"link\":\""
                + wordpress.baseUrl() + "/?p=" + id + "\",\"title\":{\"rendered\":\"x\"},\"featured_media\":0}";
    }

    private String postWithContent(long id, String slug, String raw) {
        return postJson(id, slug, "draft").replaceFirst("}$", ",\"content\":{\"raw\":\"" + raw.replace("\"", "\\\"") + "\"}}");
    }

    private void stubError(int status, String code, String message) {
        wordpress.stubFor(post(urlEqualTo(POSTS + "/101")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"data\":{\"status\":" + status + "}}")));
    }

    private JsonNode onlyBody(String url) throws Exception {
        List<LoggedRequest> requests = wordpress.findAll(postRequestedFor(urlEqualTo(url)));
        assertThat(requests).hasSize(1);
        return ArticleJson.mapper().readTree(requests.get(0).getBodyAsString());
    }

    @Test
    void createsAPostWithApplicationPasswordAuthTagsAndRenderedBlocks() throws Exception {
        stubNoPostWithSlug();
        stubKnownTags();
        stubCreated(101, "rekordar-for-blabaer-pa-roros");

        CmsReceipt receipt = publisher().publish(norwegianWithoutImage(), Counterpart.unpublished("en", "Record year"), null);

        assertThat(receipt).isEqualTo(new CmsReceipt("101", wordpress.baseUrl() + "/?p=101", "draft", null));
        String basic = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        wordpress.verify(getRequestedFor(urlPathEqualTo(POSTS))
                .withQueryParam("search", equalTo("\"tolk:article=a1b2c3d4e5 lang=nb\""))
                .withQueryParam("status", equalTo("publish,future,draft,pending,private,trash"))
                .withQueryParam("context", equalTo("edit"))
                .withHeader("Authorization", equalTo(basic)));
        wordpress.verify(postRequestedFor(urlEqualTo(POSTS)).withHeader("Authorization", equalTo(basic))
                .withHeader("Content-Type", equalTo("application/json; charset=utf-8")));
        JsonNode body = onlyBody(POSTS);
        assertThat(body.path("title").asText()).isEqualTo("Rekordår for blåbær på Røros");
        assertThat(body.path("excerpt").asText()).isEqualTo("Aldri før har bærplukkerne funnet så mye.");
        assertThat(body.path("slug").asText()).isEqualTo("rekordar-for-blabaer-pa-roros");
        assertThat(body.path("status").asText()).isEqualTo("draft");
        assertThat(body.has("date")).isFalse();
        assertThat(body.has("date_gmt")).isFalse();
        assertThat(body.path("tags").toString()).isEqualTo("[7,8]");
        assertThat(body.has("lang")).isFalse();
        Document content = Jsoup.parseBodyFragment(body.path("content").asText());
        assertThat(content.select("h2").text()).isEqualTo("Tørr sommer");
        assertThat(content.select("blockquote").text()).isEqualTo("Vi har aldri sett maken, sier plukkeren.");
        assertThat(content.select("ul > li").eachText()).containsExactly("Blåbær", "Tyttebær");
        assertThat(content.select("p.caption em").text()).isEqualTo("Plukkere på fjellet.");
        assertThat(content.select("p.lead").text()).isEqualTo("Aldri før har bærplukkerne funnet så mye.");
        assertThat(content.select("p.byline").text()).as("no WordPress user has the byline's name").isEqualTo("Av Kari Nordmann");
        assertThat(body.path("content").asText()).startsWith("<!-- tolk:article=a1b2c3d4e5 lang=nb -->");
        // only the missing tag was created
        wordpress.verify(1, postRequestedFor(urlEqualTo("/wp-json/wp/v2/tags")));
    }

    @Test
    void updatesByStoredIdWithoutLookingUpOrChangingSlugAndStatus() throws Exception {
        stubKnownTags();
        stubUpdated(101, "rekordar-for-blabaer-pa-roros");

        CmsReceipt receipt = publisher().publish(norwegianWithoutImage(), null, "101");

        assertThat(receipt.externalId()).isEqualTo("101");
        wordpress.verify(0, getRequestedFor(urlPathEqualTo(POSTS)));
        wordpress.verify(0, postRequestedFor(urlEqualTo(POSTS)));
        JsonNode body = onlyBody(POSTS + "/101");
        assertThat(body.has("slug")).as("the first slug is kept").isFalse();
        assertThat(body.has("status")).as("an editor's status is kept").isFalse();
        assertThat(body.path("title").asText()).isEqualTo("Rekordår for blåbær på Røros");
    }

    @Test
    void looksUpByTolksMarkerWhenTheOutcomeOfAnEarlierAttemptIsUnknown() throws Exception {
        wordpress.stubFor(get(urlPathEqualTo(POSTS)).withQueryParam("search", equalTo("\"tolk:article=a1b2c3d4e5 lang=nb\""))
                .willReturn(okJson("[" + postWithContent(101, "rekordar-for-blabaer-pa-roros-2", "<!-- tolk:article=a1b2c3d4e5 lang=nb -->\\n<p>x</p>") + "]")));
        stubKnownTags();
        stubUpdated(101, "rekordar-for-blabaer-pa-roros");
        stubCreated(999, "rekordar-for-blabaer-pa-roros-2");

        CmsReceipt receipt = publisher().publish(norwegianWithoutImage(), null, null);

        assertThat(receipt.externalId()).isEqualTo("101");
        wordpress.verify(0, postRequestedFor(urlEqualTo(POSTS)));
        wordpress.verify(1, postRequestedFor(urlEqualTo(POSTS + "/101")));
    }

    @Test
    void aPostThatOnlyMentionsTheMarkerOrCarriesAnotherArticlesIsNotTakenOver() throws Exception {
        // the search matches text anywhere: a post quoting the marker, and a post of another article, come back
        wordpress.stubFor(get(urlPathEqualTo(POSTS)).willReturn(okJson("["
                + postWithContent(55, "rekordar-for-blabaer-pa-roros", "<p>tolk:article=a1b2c3d4e5 lang=nb</p>") + ","
                + postWithContent(56, "rekordar-for-blabaer-pa-roros-2", "<!-- tolk:article=ffffffffff lang=nb -->") + "]")));
        stubKnownTags();
        stubCreated(202, "rekordar-for-blabaer-pa-roros-3");

        CmsReceipt receipt = publisher().publish(norwegianWithoutImage(), null, null);

        assertThat(receipt.externalId()).isEqualTo("202");
        wordpress.verify(0, postRequestedFor(urlEqualTo(POSTS + "/55")));
        wordpress.verify(0, postRequestedFor(urlEqualTo(POSTS + "/56")));
    }

    @Test
    void neverTakesOverTheTranslationThatSharesTheSlug() throws Exception {
        Article english = SampleArticles.english();
        Article sameTitle = new Article(english.id(), 1, null, "en", "Røros", null, null, null, null, List.of(), List.of(), english.blocks());
        wordpress.stubFor(get(urlPathEqualTo(POSTS))
                .willReturn(okJson("[" + postWithContent(101, "roros", "<!-- tolk:article=a1b2c3d4e5 lang=en -->") + "]")));
        stubCreated(202, "roros-2");

        CmsReceipt receipt = publisher().publish(sameTitle, new Counterpart("nb", "Røros", "101", null), null);

        assertThat(receipt.externalId()).isEqualTo("202");
        wordpress.verify(0, postRequestedFor(urlEqualTo(POSTS + "/101")));
    }

    @Test
    void recreatesThePostWhenTheStoredOneWasDeleted() throws Exception {
        stubKnownTags();
        stubError(404, "rest_post_invalid_id", "Invalid post ID.");
        stubNoPostWithSlug();
        stubCreated(303, "rekordar-for-blabaer-pa-roros");

        CmsReceipt receipt = publisher().publish(norwegianWithoutImage(), null, "101");

        assertThat(receipt.externalId()).isEqualTo("303");
        assertThat(onlyBody(POSTS).path("slug").asText()).isEqualTo("rekordar-for-blabaer-pa-roros");
    }

    @Test
    void unauthorisedIsRejectedWithWordPressMessageAndNoSecret() {
        stubKnownTags();
        stubError(401, "rest_not_logged_in", "You are not currently logged in.");

        assertThatThrownBy(() -> publisher().publish(norwegianWithoutImage(), null, "101"))
                .isInstanceOfSatisfying(CmsRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.code()).isEqualTo("rest_not_logged_in");
                    assertThat(e.getMessage()).contains("You are not currently logged in.")
                            .doesNotContain(PASSWORD, Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
                });
    }

    @Test
    void forbiddenIsRejected() {
        stubKnownTags();
        stubError(403, "rest_cannot_edit", "Sorry, you are not allowed to edit this post.");

        assertThatThrownBy(() -> publisher().publish(norwegianWithoutImage(), null, "101"))
                .isInstanceOfSatisfying(CmsRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.getMessage()).contains("Sorry, you are not allowed to edit this post.");
                });
    }

    @Test
    void invalidParameterIsRejectedNamingTheParameter() {
        stubKnownTags();
        wordpress.stubFor(post(urlEqualTo(POSTS + "/101")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"rest_invalid_param\",\"message\":\"Invalid parameter(s): status\","
                        + "\"data\":{\"status\":400,\"params\":{\"status\":\"status is not one of publish, future, draft, pending, private.\"}}}")));

        assertThatThrownBy(() -> publisher().publish(norwegianWithoutImage(), null, "101"))
                .isInstanceOfSatisfying(CmsRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("rest_invalid_param");
                    assertThat(e.getMessage()).contains("Invalid parameter(s): status", "status is not one of publish");
                });
    }

    @Test
    void tooManyRequestsIsRateLimitedWithRetryAfter() {
        stubKnownTags();
        wordpress.stubFor(post(urlEqualTo(POSTS + "/101")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")
                .withHeader("Content-Type", "text/html").withBody("<html>Too Many Requests</html>")));

        assertThatThrownBy(() -> publisher().publish(norwegianWithoutImage(), null, "101"))
                .isInstanceOfSatisfying(CmsRateLimitedException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(30)));
    }

    @Test
    void serverErrorIsUnavailable() {
        stubKnownTags();
        stubError(500, "internal_server_error", "There has been a critical error on this website.");

        assertThatThrownBy(() -> publisher().publish(norwegianWithoutImage(), null, "101"))
                .isInstanceOf(CmsUnavailableException.class)
                .hasMessageContaining("500")
                .hasMessageContaining("critical error");
    }

    @Test
    void slowAnswerIsUnavailable() {
        stubKnownTags();
        wordpress.stubFor(post(urlEqualTo(POSTS + "/101")).willReturn(okJson(postJson(101, "x", "draft")).withFixedDelay(3000)));
        WordPressPublisher impatient = new WordPressPublisher(settings("draft", false, Duration.ofMillis(300)), CLOCK);

        assertThatThrownBy(() -> impatient.publish(norwegianWithoutImage(), null, "101"))
                .isInstanceOf(CmsUnavailableException.class)
                .hasMessageContaining("in time");
    }

    @Test
    void unreachableSiteIsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        WordPressSettings unreachable = new WordPressSettings(URI.create("http://127.0.0.1:" + closedPort), USER, PASSWORD, "draft",
                null, null, false, List.of(), false, imageDir, 1000, Duration.ofSeconds(1), Duration.ofSeconds(1));

        assertThatThrownBy(() -> new WordPressPublisher(unreachable, CLOCK).publish(norwegianWithoutImage(), null, "101"))
                .isInstanceOf(CmsUnavailableException.class);
    }

    @Test
    void polylangLinksTheTranslations() throws Exception {
        wordpress.stubFor(get(urlPathEqualTo("/wp-json/wp/v2/tags")).willReturn(okJson("[]")));
        wordpress.stubFor(post(urlEqualTo("/wp-json/wp/v2/tags")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":5,\"name\":\"t\"}")));
        stubNoPostWithSlug();
        stubCreated(202, "record-year-for-blueberries-in-roros");
        stubUpdated(101, "rekordar-for-blabaer-pa-roros");
        Article sample = SampleArticles.english();
        Article english = new Article(sample.id(), 1, null, "en", sample.title(), sample.lead(), null, null, null,
                List.of(new Image(null, null, "c", null)), sample.tags(), sample.blocks());

        CmsReceipt en = polylangPublisher().publish(english, new Counterpart("nb", "Rekordår", "101", null), null);
        polylangPublisher().publish(norwegianWithoutImage(), new Counterpart("en", english.title(), en.externalId(), en.url()), "101");

        wordpress.verify(getRequestedFor(urlPathEqualTo(POSTS)).withQueryParam("lang", equalTo("en")));
        wordpress.verify(getRequestedFor(urlPathEqualTo("/wp-json/wp/v2/tags")).withQueryParam("lang", equalTo("en")));
        JsonNode created = onlyBody(POSTS);
        assertThat(created.path("lang").asText()).isEqualTo("en");
        assertThat(created.path("translations").toString()).isEqualTo("{\"nb\":101}");
        JsonNode updated = onlyBody(POSTS + "/101");
        assertThat(updated.path("lang").asText()).isEqualTo("nb");
        assertThat(ArticleJson.mapper().convertValue(updated.path("translations"), java.util.Map.class))
                .isEqualTo(java.util.Map.of("nb", 101, "en", 202));
        // with Polylang the theme links translations itself: no link in the text
        assertThat(Jsoup.parseBodyFragment(updated.path("content").asText()).select("a[hreflang]")).isEmpty();
    }

    @Test
    void withoutPolylangTheContentLinksTheTranslationWithHreflang() throws Exception {
        stubKnownTags();
        stubUpdated(101, "rekordar-for-blabaer-pa-roros");

        publisher().publish(norwegianWithoutImage(), new Counterpart("en", "Record year", "202", "https://news.example/en/record-year/"), "101");

        JsonNode body = onlyBody(POSTS + "/101");
        assertThat(body.has("translations")).isFalse();
        var link = Jsoup.parseBodyFragment(body.path("content").asText()).selectFirst("a[hreflang=en]");
        assertThat(link.attr("href")).isEqualTo("https://news.example/en/record-year/");
        assertThat(link.attr("rel")).isEqualTo("alternate");
        assertThat(link.text()).isEqualTo("Read in English");
    }

    @Test
    void hostileSourceTextNeverReachesWordPressAsMarkup() throws Exception {
        wordpress.stubFor(get(urlPathEqualTo("/wp-json/wp/v2/tags")).willReturn(okJson("[]")));
        wordpress.stubFor(post(urlEqualTo("/wp-json/wp/v2/tags")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":5,\"name\":\"<i>tag</i>\"}")));
        stubNoPostWithSlug();
        stubCreated(404404, "script-alert-title");

        publisher().publish(SampleArticles.hostile("nb"), new Counterpart("en", "x", "9", "javascript:alert(5)"), null);

        JsonNode body = onlyBody(POSTS);
        assertThat(body.path("title").asText()).doesNotContain("<").contains("&lt;script&gt;");
        assertThat(body.path("excerpt").asText()).doesNotContain("<");
        Document content = Jsoup.parseBodyFragment(body.path("content").asText());
        assertThat(content.select("script, iframe, img, b, i, style, form")).isEmpty();
        // an address written in the text is shown as a link to itself (links in text survive); no hidden or other link
        assertThat(content.select("a[href]")).allSatisfy(a -> {
            assertThat(a.attr("href")).startsWith("https://").isEqualTo(a.text());
        }).extracting(a -> a.attr("href")).containsExactly("https://evil.example/");
        assertThat(content.getAllElements()).allSatisfy(e -> assertThat(e.attributes().asList())
                .noneMatch(a -> a.getKey().toLowerCase().startsWith("on") || a.getValue().toLowerCase().contains("javascript:")));
        assertThat(content.text()).contains("<script>alert('body')</script>", "<img src=x onerror=alert(1)>");
        // the javascript: image source was never fetched or uploaded
        wordpress.verify(0, postRequestedFor(urlEqualTo("/wp-json/wp/v2/media")));
    }

    @Test
    void sanitiserStripsScriptsHandlersJavascriptUrlsAndForeignIframes() {
        String dirty = "<p onclick=\"steal()\">Hei <script>alert(1)</script><img src=\"x\" onerror=\"alert(2)\">"
                + "<a href=\"javascript:alert(3)\">lenke</a> <a href=\"https://ok.example/\" hreflang=\"en\">ok</a></p>"
                + "<iframe src=\"https://evil.example/\"></iframe><style>body{}</style><svg onload=\"x()\"></svg>";

        Document clean = Jsoup.parseBodyFragment(PostHtml.sanitise(dirty));

        assertThat(clean.select("script, iframe, style, svg")).isEmpty();
        assertThat(clean.select("[onclick], [onerror], [onload]")).isEmpty();
        assertThat(clean.select("a").eachAttr("href")).containsExactly("https://ok.example/");
        assertThat(clean.select("a[hreflang=en]")).hasSize(1);
        assertThat(clean.text()).isEqualTo("Hei lenke ok");
    }

    @Test
    void uploadsAFetchedImageAsFeaturedMedia() throws Exception {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, 4};
        wordpress.stubFor(get(urlPathMatching("/img/.+\\.jpg")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/jpeg").withBody(jpeg)));
        wordpress.stubFor(post(urlEqualTo("/wp-json/wp/v2/media")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":55,\"media_type\":\"image\"}")));
        wordpress.stubFor(post(urlEqualTo("/wp-json/wp/v2/media/55")).willReturn(okJson("{\"id\":55}")));
        stubNoPostWithSlug();
        stubCreated(101, "rekordar-for-blabaer-pa-roros");
        Article article = withImage(SampleArticles.norwegian(),
                new Image(wordpress.baseUrl() + "/img/Blåbær%20lyng.jpg", "Blåbærlyng", "Bær i lyngen.", "Ola Foto"));

        publisher().publish(article, null, null);

        wordpress.verify(postRequestedFor(urlEqualTo("/wp-json/wp/v2/media"))
                .withHeader("Content-Type", equalTo("image/jpeg"))
                .withHeader("Content-Disposition", equalTo("attachment; filename=\"blabaer-lyng.jpg\""))
                .withRequestBody(binaryEqualTo(jpeg)));
        JsonNode details = onlyBody("/wp-json/wp/v2/media/55");
        assertThat(details.path("alt_text").asText()).isEqualTo("Blåbærlyng");
        assertThat(details.path("caption").asText()).isEqualTo("Bær i lyngen.");
        JsonNode body = onlyBody(POSTS);
        assertThat(body.path("featured_media").asLong()).isEqualTo(55);
        assertThat(Jsoup.parseBodyFragment(body.path("content").asText()).select("p.caption").first().text())
                .isEqualTo("Bær i lyngen. Foto: Ola Foto");
    }

    @Test
    void uploadsALocalImageButNothingOutsideTheImageFolder() throws Exception {
        Files.write(imageDir.resolve("foto.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Path outside = Files.createTempFile("secret", ".png");
        wordpress.stubFor(post(urlEqualTo("/wp-json/wp/v2/media")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":56}")));
        stubNoPostWithSlug();
        stubCreated(101, "rekordar-for-blabaer-pa-roros");
        try {
            publisher().publish(withImage(SampleArticles.norwegian(), new Image("foto.png", null, null, null)), null, null);
            wordpress.verify(1, postRequestedFor(urlEqualTo("/wp-json/wp/v2/media"))
                    .withHeader("Content-Type", equalTo("image/png"))
                    .withHeader("Content-Disposition", equalTo("attachment; filename=\"foto.png\"")));

            wordpress.resetRequests();
            publisher().publish(withImage(SampleArticles.norwegian(), new Image(outside.toString(), null, null, null)), null, null);
            publisher().publish(withImage(SampleArticles.norwegian(), new Image("../" + outside.getFileName(), null, null, null)), null, null);
            wordpress.verify(0, postRequestedFor(urlEqualTo("/wp-json/wp/v2/media")));
            wordpress.verify(2, postRequestedFor(urlEqualTo(POSTS)));
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void scheduledPostsGoLiveAtTheNextConfiguredSiteTime() throws Exception {
        stubNoPostWithSlug();
        stubCreated(101, "rekordar-for-blabaer-pa-roros");
        WordPressSettings future = new WordPressSettings(URI.create(wordpress.baseUrl()), USER, PASSWORD, "future",
                LocalTime.of(6, 0), ZoneId.of("Europe/Oslo"), false, List.of(), false, imageDir, 1000,
                Duration.ofSeconds(2), Duration.ofSeconds(5));
        Article noTags = new Article(SampleArticles.ID, 1, null, "nb", "Rekordår for blåbær på Røros", null, null, null, null,
                List.of(), List.of(), SampleArticles.norwegian().blocks());

        new WordPressPublisher(future, CLOCK).publish(noTags, null, null);

        JsonNode body = onlyBody(POSTS);
        assertThat(body.path("status").asText()).isEqualTo("future");
        // 06:00 in Oslo (summer time, UTC+2) as date_gmt: right whatever time zone the WordPress site is set to
        assertThat(body.has("date")).isFalse();
        assertThat(body.path("date_gmt").asText()).isEqualTo("2026-08-15T04:00:00");
        assertThat(body.has("tags")).isFalse();
        wordpress.verify(0, anyRequestedFor(urlPathEqualTo("/wp-json/wp/v2/tags")));
        // HEAD / (the REST root), users/me (the credentials), the marker lookup, the create
        wordpress.verify(4, anyRequestedFor(anyUrl()));
    }

    @Test
    void categoriesAreMappedByName() throws Exception {
        wordpress.stubFor(get(urlPathEqualTo("/wp-json/wp/v2/categories")).withQueryParam("search", equalTo("Nyheter"))
                .willReturn(okJson("[{\"id\":3,\"name\":\"Nyheter\"}]")));
        stubNoPostWithSlug();
        stubCreated(101, "rekordar-for-blabaer-pa-roros");
        WordPressSettings withCategory = new WordPressSettings(URI.create(wordpress.baseUrl()), USER, PASSWORD, "publish",
                null, null, false, List.of("Nyheter"), false, imageDir, 1000, Duration.ofSeconds(2), Duration.ofSeconds(5));
        Article noTags = new Article(SampleArticles.ID, 1, null, "nb", "Rekordår for blåbær på Røros", null, null, null, null,
                List.of(), List.of(), SampleArticles.norwegian().blocks());

        new WordPressPublisher(withCategory, CLOCK).publish(noTags, null, null);

        JsonNode body = onlyBody(POSTS);
        assertThat(body.path("categories").toString()).isEqualTo("[3]");
        assertThat(body.path("status").asText()).isEqualTo("publish");
    }

    @Test
    void aTagCreatedMeanwhileBySomeoneElseIsFoundAgain() throws Exception {
        wordpress.stubFor(get(urlPathEqualTo("/wp-json/wp/v2/tags")).inScenario("race").whenScenarioStateIs(STARTED)
                .willReturn(okJson("[]")));
        wordpress.stubFor(post(urlEqualTo("/wp-json/wp/v2/tags")).inScenario("race").whenScenarioStateIs(STARTED)
                .willSetStateTo("exists").willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"term_exists\",\"message\":\"A term with the name provided already exists.\","
                                + "\"data\":{\"status\":400,\"term_id\":42}}")));
        wordpress.stubFor(get(urlPathEqualTo("/wp-json/wp/v2/tags")).inScenario("race").whenScenarioStateIs("exists")
                .willReturn(okJson("[{\"id\":42,\"name\":\"Fish &amp; Chips\"}]")));
        stubUpdated(101, "x");
        Article article = new Article(SampleArticles.ID, 2, null, "en", "Fish", null, null, null, null, List.of(),
                List.of("Fish & Chips"), SampleArticles.english().blocks());

        publisher().publish(article, null, "101");

        assertThat(onlyBody(POSTS + "/101").path("tags").toString()).isEqualTo("[42]");
    }

    @Test
    void anUnknownCounterpartLanguageIsRejectedBeforeAnyRequest() {
        assertThatThrownBy(() -> publisher().publish(norwegianWithoutImage(), Counterpart.unpublished("english please", "x"), "101"))
                .isInstanceOf(CmsRejectedException.class);
        wordpress.verify(0, anyRequestedFor(anyUrl()));
    }
}
