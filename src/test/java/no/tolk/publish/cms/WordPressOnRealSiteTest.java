package no.tolk.publish.cms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import no.tolk.article.Article;
import no.tolk.article.Block;
import no.tolk.article.BlockType;
import no.tolk.article.Image;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link WordPressPublisher} against Debian's WordPress 6.1 ({@link RealWordPress}); every assertion reads WordPress's
 * own state, through its database or its REST API.
 */
class WordPressOnRealSiteTest {

    private static RealWordPress wordpress;

    @BeforeAll
    static void startWordPress() {
        wordpress = RealWordPress.start();
    }

    @BeforeEach
    void emptySite() {
        wordpress.reset();
        wordpress.permalinks("/%postname%/");
    }

    @AfterEach
    void prettyPermalinksAgain() {
        wordpress.permalinks("/%postname%/");
    }

    private WordPressPublisher publisher(String status) {
        return new WordPressPublisher(wordpress.settings(status), Clock.systemUTC());
    }

    /** Norwegian, English linking to it, Norwegian again linking to the English: what the publish stage does. */
    private Map<String, CmsReceipt> publishPair(WordPressPublisher publisher, Article nb, Article en,
            String nbId, String enId) throws CmsException {
        CmsReceipt first = publisher.publish(nb, Counterpart.unpublished("en", en.title()), nbId);
        CmsReceipt english = publisher.publish(en, new Counterpart("nb", nb.title(), first.externalId(), first.url()), enId);
        CmsReceipt norwegian = publisher.publish(nb, new Counterpart("en", en.title(), english.externalId(), english.url()), first.externalId());
        assertThat(norwegian.externalId()).isEqualTo(first.externalId());
        return Map.of("nb", norwegian, "en", english);
    }

    private static Article article(String id, String language, String title, String lead, String body, List<String> tags, List<Image> images) {
        return new Article(id, 1, id + ".docx", language, title, lead, "Kari Nordmann", LocalDate.of(2026, 8, 14), null,
                images, tags, List.of(new Block(BlockType.PARAGRAPH, body)));
    }

    private Map<String, String> post(String id) {
        List<String[]> rows = wordpress.sql("select ID, post_name, post_status, post_date, post_title, post_excerpt,"
                + " replace(replace(post_content, '\\n', ' '), '\\t', ' '), post_modified_gmt from wp_posts where ID = " + id);
        assertThat(rows).as("post " + id + " in wp_posts").hasSize(1);
        String[] row = rows.get(0);
        return Map.of("id", row[0], "slug", row[1], "status", row[2], "date", row[3], "title", row[4], "excerpt", row[5],
                "content", row[6], "modified", row[7]);
    }

    private List<String> postIds() {
        return wordpress.sql("select ID from wp_posts where post_type = 'post' and post_status <> 'auto-draft' order by ID")
                .stream().map(row -> row[0]).toList();
    }

    @Test
    void publishesTheSamplePairOncePerLanguageLinkedWithLeadBylineDateAndOneFeaturedImage() throws Exception {
        Path images = Path.of(RealWordPress.STATE, "images");
        Files.createDirectories(images);
        BufferedImage picture = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        picture.setRGB(10, 10, 0x3050a0);
        ImageIO.write(picture, "jpg", images.resolve("blabaer.jpg").toFile());
        Article nb = withImage(SampleArticles.norwegian(), new Image("blabaer.jpg", "Blåbærlyng", "Bær i lyngen.", "Ola Foto"));
        Article en = withImage(SampleArticles.english(), new Image("blabaer.jpg", "Blueberry heather", "Berries in the heather.", "Ola Foto"));

        Map<String, CmsReceipt> receipts = publishPair(publisher("publish"), nb, en, null, null);

        assertThat(postIds()).containsExactlyInAnyOrder(receipts.get("nb").externalId(), receipts.get("en").externalId());
        Map<String, String> norwegian = post(receipts.get("nb").externalId());
        Map<String, String> english = post(receipts.get("en").externalId());
        assertThat(norwegian.get("slug")).isEqualTo("rekordar-for-blabaer-pa-roros");
        assertThat(english.get("slug")).isEqualTo("record-year-for-blueberries-in-roros");
        assertThat(norwegian.get("status")).isEqualTo("publish");
        assertThat(norwegian.get("date")).as("the article's date, not the day of publishing").isEqualTo("2026-08-14 12:00:00");
        assertThat(norwegian.get("excerpt")).isEqualTo("Aldri før har bærplukkerne funnet så mye.");
        assertThat(norwegian.get("content"))
                .startsWith("<!-- tolk:article=a1b2c3d4e5 lang=nb -->")
                .contains("<a href=\"" + receipts.get("en").url() + "\" hreflang=\"en\" lang=\"en\" rel=\"alternate\">Read in English</a>")
                .contains("<p class=\"lead\"><strong>Aldri før har bærplukkerne funnet så mye.</strong></p>")
                .contains("<p class=\"byline\">Av Kari Nordmann</p>")
                .contains("<p class=\"caption\"><em>Bær i lyngen. Foto: Ola Foto</em></p>");
        assertThat(english.get("content"))
                .startsWith("<!-- tolk:article=a1b2c3d4e5 lang=en -->")
                .contains("Les på bokmål</a>")
                .contains("<p class=\"lead\"><strong>Pickers have never found so many.</strong></p>")
                .contains("<p class=\"byline\">By Kari Nordmann</p>")
                .contains("Berries in the heather. Photo: Ola Foto");
        List<String[]> attachments = wordpress.sql("select ID, post_parent from wp_posts where post_type = 'attachment'");
        assertThat(attachments).as("the image is uploaded once per article").hasSize(1);
        String media = attachments.get(0)[0];
        assertThat(attachments.get(0)[1]).as("attached to the Norwegian post").isEqualTo(receipts.get("nb").externalId());
        assertThat(wordpress.sql("select post_id from wp_postmeta where meta_key = '_thumbnail_id' and meta_value = " + media)
                .stream().map(row -> row[0]).toList())
                .as("the featured image of both posts")
                .containsExactlyInAnyOrder(receipts.get("nb").externalId(), receipts.get("en").externalId());
        JsonNode tags = wordpress.rest("wp/v2/tags?post=" + receipts.get("en").externalId());
        assertThat(names(tags)).containsExactlyInAnyOrder("Røros", "Nature");
        assertThat(wordpress.publicStatus(receipts.get("en").url())).isEqualTo(200);
    }

    @Test
    void aRevisionUpdatesBothPostsInPlaceAndARetryWithoutStoredIdFindsThemByTheMarker() throws Exception {
        WordPressPublisher publisher = publisher("publish");
        Article nb = SampleArticles.norwegian();
        Article en = SampleArticles.english();
        Map<String, CmsReceipt> first = publishPair(publisher, nb, en, null, null);

        Article nb2 = new Article(nb.id(), 2, nb.sourceFile(), "nb", "Rekordår for blåbær – og tyttebær", nb.lead(), nb.author(),
                nb.published(), LocalDate.of(2026, 8, 20), nb.images(), nb.tags(), List.of(new Block(BlockType.PARAGRAPH, "Ny tekst.")));
        Map<String, CmsReceipt> byId = publishPair(publisher, nb2, en, first.get("nb").externalId(), first.get("en").externalId());
        // the outcome of every call lost: no ids passed, the posts are found by Tolk's marker (the title changed)
        Map<String, CmsReceipt> lost = publishPair(publisher("publish"), nb2, en, null, null);

        assertThat(byId.get("nb").externalId()).isEqualTo(first.get("nb").externalId());
        assertThat(lost.get("nb").externalId()).isEqualTo(first.get("nb").externalId());
        assertThat(lost.get("en").externalId()).isEqualTo(first.get("en").externalId());
        assertThat(postIds()).hasSize(2);
        Map<String, String> norwegian = post(first.get("nb").externalId());
        assertThat(norwegian.get("title")).isEqualTo("Rekordår for blåbær – og tyttebær");
        assertThat(norwegian.get("slug")).as("the first slug is kept").isEqualTo("rekordar-for-blabaer-pa-roros");
        assertThat(norwegian.get("content")).contains("<p>Ny tekst.</p>").doesNotContain("Sesongen startet");
    }

    @Test
    void anArticleWithAnotherArticlesSlugGetsPostsOfItsOwnAndTouchesNoOtherArticlesPosts() throws Exception {
        WordPressPublisher publisher = publisher("publish");
        String english = "The cluster gets a new plant";
        Article a = article("aaaa000001", "nb", "Klyngen får nytt anlegg", "Første ingress.", "Første tekst.", List.of(), List.of());
        Article b = article("bbbb000002", "nb", "Klyngen får nye anlegg", "Andre ingress.", "Andre tekst.", List.of(), List.of());
        Article c = article("cccc000003", "nb", "Klyngen får nytt anlegg!", "Tredje ingress.", "Tredje tekst.", List.of(), List.of());
        Map<String, CmsReceipt> first = publishPair(publisher, a, translated(a, english), null, null);
        Map<String, CmsReceipt> second = publishPair(publisher, b, translated(b, english), null, null);
        Map<String, Map<String, String>> before = List.of(first.get("nb"), first.get("en"), second.get("nb"), second.get("en")).stream()
                .collect(Collectors.toMap(CmsReceipt::externalId, receipt -> post(receipt.externalId())));

        // the third article's first publication, and a retry of it with every answer lost (no ids stored)
        Map<String, CmsReceipt> third = publishPair(publisher, c, translated(c, english), null, null);
        Map<String, CmsReceipt> retried = publishPair(publisher("publish"), c, translated(c, english), null, null);

        assertThat(third.values()).extracting(CmsReceipt::externalId).doesNotContainAnyElementsOf(before.keySet());
        assertThat(retried.get("nb").externalId()).isEqualTo(third.get("nb").externalId());
        assertThat(retried.get("en").externalId()).isEqualTo(third.get("en").externalId());
        assertThat(postIds()).hasSize(6);
        before.forEach((id, earlier) -> assertThat(post(id)).as("post " + id + " of another article").isEqualTo(earlier));
        assertThat(post(third.get("nb").externalId())).satisfies(post -> {
            assertThat(post.get("slug")).isEqualTo("klyngen-far-nytt-anlegg-2");
            assertThat(post.get("content")).contains("Tredje tekst.");
        });
        assertThat(post(third.get("en").externalId()).get("slug")).isEqualTo("the-cluster-gets-a-new-plant-3");
    }

    @Test
    void aTagWithAnAmpersandIsCreatedOnceAndFoundOnEveryLaterPublication() throws Exception {
        Article nb = article("dddd000004", "nb", "Matfestival i Trondheim", "Ingress.", "Tekst.", List.of("mat & drikke", "Trondheim"), List.of());
        Article en = article("dddd000004", "en", "Food festival in Trondheim", "Lead.", "Text.", List.of("food & drink", "Trondheim"), List.of());
        publishPair(publisher("publish"), nb, en, null, null);
        // a new process (no cached term ids) publishing again, and another article with the same tag
        Map<String, CmsReceipt> again = publishPair(publisher("publish"), nb, en, null, null);
        Article other = article("eeee000005", "nb", "Ny kafé", "Ingress.", "Tekst.", List.of("Mat & drikke"), List.of());
        CmsReceipt otherReceipt = publisher("publish").publish(other, null, null);

        assertThat(wordpress.sql("select name from wp_terms t join wp_term_taxonomy x on x.term_id = t.term_id"
                + " where x.taxonomy = 'post_tag' order by name").stream().map(row -> row[0]).toList())
                .containsExactly("food &amp; drink", "mat &amp; drikke", "Trondheim");
        assertThat(names(wordpress.rest("wp/v2/tags?post=" + again.get("nb").externalId()))).containsExactlyInAnyOrder("mat & drikke", "Trondheim");
        assertThat(names(wordpress.rest("wp/v2/tags?post=" + otherReceipt.externalId()))).containsExactly("mat & drikke");
    }

    @Test
    void aTagThatIsOnlyMarkupIsLeftOutAndTheArticleIsPublished() throws Exception {
        Article nb = article("ffff000006", "nb", "Bær i lyngen", "Ingress.", "Tekst.", List.of("<img src=x onerror=alert(7)>", "Friluftsliv"), List.of());

        CmsReceipt receipt = publisher("publish").publish(nb, null, null);

        assertThat(names(wordpress.rest("wp/v2/tags?post=" + receipt.externalId()))).containsExactly("Friluftsliv");
    }

    @Test
    void aWrongApplicationPasswordIsNamedAsSuch() {
        WordPressSettings good = wordpress.settings("publish");
        WordPressSettings wrong = new WordPressSettings(good.baseUrl(), good.user(), "abcd efgh ijkl mnop qrst uvwx", "publish",
                null, null, false, List.of(), false, good.imageDir(), good.maxImageBytes(), good.connectTimeout(), good.requestTimeout());
        WordPressPublisher publisher = new WordPressPublisher(wrong, Clock.systemUTC());

        assertThatThrownBy(() -> publisher.publish(SampleArticles.norwegian(), null, null))
                .isInstanceOf(CmsRejectedException.class)
                .hasMessageStartingWith("WordPress did not accept the user or application password (user 'tolk' at " + good.baseUrl())
                .hasMessageNotContaining("abcd");
        assertThat(postIds()).isEmpty();
    }

    @Test
    void plainPermalinksAreServedThroughRestRouteFoundInTheSitesLinkHeader() throws Exception {
        wordpress.permalinks("");
        Map<String, CmsReceipt> receipts = publishPair(publisher("publish"), SampleArticles.norwegian(), SampleArticles.english(), null, null);

        assertThat(postIds()).hasSize(2);
        assertThat(receipts.get("nb").url()).isEqualTo(wordpress.url() + "?p=" + receipts.get("nb").externalId());
        assertThat(wordpress.publicStatus(receipts.get("nb").url())).isEqualTo(200);
        assertThat(wordpress.sql("select count(*) from wp_posts where post_type = 'post' and post_content like '%tolk:article=a1b2c3d4e5%'"))
                .singleElement().satisfies(row -> assertThat(row[0]).isEqualTo("2"));
    }

    @Test
    void aDraftIsNotPublicAndItsReceiptSaysSoWhileAPublishedPostIs() throws Exception {
        CmsReceipt draft = publisher("draft").publish(SampleArticles.norwegian(), null, null);
        CmsReceipt published = publisher("publish").publish(SampleArticles.english(), null, null);
        Article scheduled = article("ffff000006", "nb", "Planlagt sak", "Ingress.", "Tekst.", List.of(), List.of());
        CmsReceipt future = publisher("future").publish(scheduled, null, null);

        assertThat(draft.publicAt(Instant.now())).isFalse();
        assertThat(draft.notPublicReason()).isEqualTo("status draft: a person has to publish it");
        assertThat(wordpress.publicStatus(draft.url())).as("what a reader following the link gets").isEqualTo(404);
        assertThat(published.publicAt(Instant.now())).isTrue();
        assertThat(wordpress.publicStatus(published.url())).isEqualTo(200);
        assertThat(future.status()).isEqualTo("future");
        assertThat(future.publicFrom()).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofHours(25)));
        assertThat(future.publicAt(Instant.now())).isFalse();
        // its time passing is not enough: WordPress publishes it from WP-cron, which may not run (a missed schedule)
        assertThat(future.publicAt(future.publicFrom())).isFalse();

        wordpress.sql("update wp_posts set post_status = 'publish' where ID = " + draft.externalId());
        assertThat(publisher("draft").current(draft.externalId(), draft.url()).publicAt(Instant.now()))
                .as("published by a person in wp-admin").isTrue();
    }

    private static Article translated(Article norwegian, String englishTitle) {
        return new Article(norwegian.id(), norwegian.revision(), norwegian.sourceFile(), "en", englishTitle, "Lead of " + norwegian.id(),
                norwegian.author(), norwegian.published(), null, List.of(), List.of(),
                List.of(new Block(BlockType.PARAGRAPH, "Text of " + norwegian.id() + ".")));
    }

    private static Article withImage(Article article, Image image) {
        return new Article(article.id(), article.revision(), article.sourceFile(), article.language(), article.title(), article.lead(),
                article.author(), article.published(), article.revised(), List.of(image), article.tags(), article.blocks());
    }

    private static List<String> names(JsonNode terms) {
        java.util.List<String> names = new java.util.ArrayList<>();
        terms.forEach(term -> names.add(org.jsoup.parser.Parser.unescapeEntities(term.path("name").asText(), false)));
        return names;
    }
}
