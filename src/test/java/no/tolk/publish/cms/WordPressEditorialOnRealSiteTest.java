package no.tolk.publish.cms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import no.tolk.article.Article;
import no.tolk.article.Block;
import no.tolk.article.BlockType;
import no.tolk.article.Image;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What editors and the site decide against what Tolk sends, on Debian's WordPress 6.1 ({@link RealWordPress}): a post
 * in the trash stays there, a missed schedule is not taken for public, bylines credit WordPress users, dates are the
 * same instant whatever the site's time zone, slugs hold no markup and the credit follows its caption (issue 13).
 */
class WordPressEditorialOnRealSiteTest {

    private static final DateTimeFormatter SQL_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static RealWordPress wordpress;

    @BeforeAll
    static void startWordPress() {
        wordpress = RealWordPress.start();
    }

    @BeforeEach
    void emptySite() {
        wordpress.reset();
        wordpress.permalinks("/%postname%/");
        siteTimeZone("Europe/Oslo");
    }

    @AfterEach
    void osloAgain() {
        siteTimeZone("Europe/Oslo");
    }

    private void siteTimeZone(String zone) {
        wordpress.sql("update wp_options set option_value = '" + zone + "' where option_name = 'timezone_string'");
    }

    private WordPressPublisher publisher(String status) {
        return new WordPressPublisher(wordpress.settings(status), Clock.systemUTC());
    }

    private WordPressPublisher publisher(Map<String, String> authors) {
        WordPressSettings s = wordpress.settings("publish");
        return new WordPressPublisher(new WordPressSettings(s.baseUrl(), s.user(), s.applicationPassword(), s.status(),
                s.futureTime(), s.siteZone(), s.polylang(), s.categories(), s.uploadImages(), s.imageDir(), s.maxImageBytes(),
                s.connectTimeout(), s.requestTimeout(), authors), Clock.systemUTC());
    }

    private static Article article(String id, String title, String author, LocalDate published, List<Image> images, List<Block> blocks) {
        return new Article(id, 1, id + ".docx", "nb", title, "Ingressen.", author, published, null, images, List.of(), blocks);
    }

    private static Article article(String id, String title) {
        return article(id, title, null, null, List.of(), List.of(new Block(BlockType.PARAGRAPH, "Teksten i saken.")));
    }

    private String column(String column, String postId) {
        List<String[]> rows = wordpress.sql("select " + column + " from wp_posts where ID = " + postId);
        assertThat(rows).as("post " + postId).hasSize(1);
        return rows.get(0)[0];
    }

    private int posts() {
        return Integer.parseInt(wordpress.sql("select count(*) from wp_posts where post_type = 'post'").get(0)[0]);
    }

    private String userId(String login) {
        return wordpress.sql("select ID from wp_users where user_login = '" + login + "'").get(0)[0];
    }

    @Test
    void aPostAnEditorTrashedStaysInTheTrashOnARevisionAndIsNotMadeAgain() throws Exception {
        Article first = article("trash00001", "Kommunen kutter i budsjettet");
        CmsReceipt receipt = publisher("publish").publish(first, null, null);
        wordpress.sql("update wp_posts set post_status = 'trash' where ID = " + receipt.externalId());
        Article revision = new Article(first.id(), 2, first.sourceFile(), "nb", "Kommunen kutter mer i budsjettet", first.lead(),
                null, null, null, List.of(), List.of(), List.of(new Block(BlockType.PARAGRAPH, "Ny tekst.")));

        assertThatThrownBy(() -> publisher("publish").publish(revision, null, receipt.externalId()))
                .isInstanceOf(CmsRejectedException.class)
                .hasMessage("the Norwegian post (WordPress post " + receipt.externalId() + ") is in the WordPress trash: an editor"
                        + " removed it, so Tolk leaves it there and makes no new one. To publish it again, restore it in wp-admin"
                        + " (Posts, Trash) and run 'tolk retry trash00001'");
        // the stored id lost: the post is found in the trash by Tolk's marker, and still not restored or made again
        assertThatThrownBy(() -> publisher("publish").publish(revision, null, null))
                .isInstanceOf(CmsRejectedException.class).hasMessageContaining("is in the WordPress trash");

        assertThat(posts()).isEqualTo(1);
        assertThat(column("post_status", receipt.externalId())).isEqualTo("trash");
        assertThat(column("post_title", receipt.externalId())).isEqualTo("Kommunen kutter i budsjettet");

        // with tolk.cms.wordpress.status=draft an update sends no status: WordPress keeps the post in the trash, and says so
        assertThatThrownBy(() -> publisher("draft").publish(revision, null, receipt.externalId()))
                .isInstanceOf(CmsRejectedException.class).hasMessageContaining("is in the WordPress trash");
        assertThat(column("post_status", receipt.externalId())).isEqualTo("trash");
        assertThat(posts()).isEqualTo(1);
    }

    @Test
    void aScheduledPostWhoseTimeHasPassedWithoutWordPressPublishingItIsNotPublic() throws Exception {
        CmsReceipt scheduled = publisher("future").publish(article("sched00001", "Planlagt sak om fergen"), null, null);
        assertThat(scheduled.status()).isEqualTo("future");
        // WP-cron did not run: the time has passed, WordPress still has the post as scheduled
        LocalDateTime past = LocalDateTime.now(ZoneOffset.UTC).minusHours(1).withNano(0);
        wordpress.sql("update wp_posts set post_date_gmt = '" + past.format(SQL_DATE) + "', post_date = '"
                + past.atOffset(ZoneOffset.UTC).atZoneSameInstant(ZoneId.of("Europe/Oslo")).toLocalDateTime().format(SQL_DATE)
                + "' where ID = " + scheduled.externalId());

        CmsReceipt now = publisher("future").current(scheduled.externalId(), scheduled.url());

        assertThat(wordpress.publicStatus(now.url())).as("what a reader following the link gets").isEqualTo(404);
        assertThat(now.status()).isEqualTo("future");
        assertThat(now.publicFrom()).isEqualTo(past.toInstant(ZoneOffset.UTC));
        assertThat(now.publicAt(Instant.now())).isFalse();
        assertThat(now.notPublicReason(Instant.now())).startsWith("status future: its time " + past.toInstant(ZoneOffset.UTC)
                + " has passed but WordPress has not published it (a missed schedule: WP-cron did not run");

        wordpress.sql("update wp_posts set post_status = 'publish' where ID = " + scheduled.externalId());
        CmsReceipt published = publisher("future").current(scheduled.externalId(), scheduled.url());
        assertThat(published.publicAt(Instant.now())).isTrue();
        assertThat(wordpress.publicStatus(published.url())).isEqualTo(200);
    }

    @Test
    void aBylineMappedToAWordPressUserCreditsThatUserAndOthersStayInTheText() throws Exception {
        String kari = userId("kari");
        // Kari has no published post yet: the Editor Tolk publishes as cannot list her, so only the mapping finds her
        CmsReceipt byId = publisher(Map.of("kari nordmann", kari))
                .publish(article("auth000001", "Ny bru over elva", "Kari Nordmann", null, List.of(), List.of(
                        new Block(BlockType.PARAGRAPH, "Brua åpner i dag."))), null, null);
        CmsReceipt unmapped = publisher(Map.of())
                .publish(article("auth000002", "Ny skole i sentrum", "Per Person", null, List.of(), List.of(
                        new Block(BlockType.PARAGRAPH, "Skolen åpner i dag."))), null, null);
        // now that Kari has a published post, her login maps too, and her display name is found without any mapping
        CmsReceipt byLogin = publisher(Map.of("k. nordmann", "kari"))
                .publish(article("auth000003", "Ny hall på Lade", "K. Nordmann", null, List.of(), List.of(
                        new Block(BlockType.PARAGRAPH, "Hallen åpner i dag."))), null, null);
        CmsReceipt byName = publisher(Map.of())
                .publish(article("auth000004", "Ny park på Møllenberg", "kari nordmann", null, List.of(), List.of(
                        new Block(BlockType.PARAGRAPH, "Parken åpner i dag."))), null, null);

        assertThat(column("post_author", byId.externalId())).isEqualTo(kari);
        assertThat(column("post_content", byId.externalId())).doesNotContain("class=\"byline\"");
        assertThat(column("post_author", unmapped.externalId())).isEqualTo(userId("tolk"));
        assertThat(column("post_content", unmapped.externalId())).contains("<p class=\"byline\">Av Per Person</p>");
        assertThat(column("post_author", byLogin.externalId())).isEqualTo(kari);
        assertThat(column("post_author", byName.externalId())).isEqualTo(kari);
        assertThat(wordpress.rest("wp/v2/posts/" + byId.externalId()).path("author").asText()).isEqualTo(kari);
    }

    @Test
    void theArticlesDayIsTheSameInstantOnASiteInAnotherTimeZone() throws Exception {
        List<Block> text = List.of(new Block(BlockType.PARAGRAPH, "Teksten i saken."));
        CmsReceipt oslo = publisher("publish").publish(article("date000001", "Sak fra august", null, LocalDate.of(2026, 8, 14), List.of(), text), null, null);
        siteTimeZone("UTC");
        CmsReceipt utc = publisher("publish").publish(article("date000002", "Sak fra januar", null, LocalDate.of(2026, 1, 14), List.of(), text), null, null);
        CmsReceipt summer = publisher("publish").publish(article("date000003", "Sak fra juli", null, LocalDate.of(2026, 7, 1), List.of(), text), null, null);

        // noon in Oslo: 10:00 UTC in summer, 11:00 UTC in winter; the site shows it in its own zone
        assertThat(column("post_date_gmt", oslo.externalId())).isEqualTo("2026-08-14 10:00:00");
        assertThat(column("post_date", oslo.externalId())).isEqualTo("2026-08-14 12:00:00");
        assertThat(column("post_date_gmt", utc.externalId())).isEqualTo("2026-01-14 11:00:00");
        assertThat(column("post_date", utc.externalId())).isEqualTo("2026-01-14 11:00:00");
        assertThat(column("post_date_gmt", summer.externalId())).isEqualTo("2026-07-01 10:00:00");
        assertThat(column("post_date", summer.externalId())).isEqualTo("2026-07-01 10:00:00");
    }

    @Test
    void aScheduledPostGoesLiveAtTheConfiguredOsloTimeOnASiteInUtc() throws Exception {
        siteTimeZone("UTC");
        CmsReceipt scheduled = publisher("future").publish(article("date000004", "Planlagt sak"), null, null);

        ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Europe/Oslo"));
        ZonedDateTime six = now.toLocalDate().atTime(6, 0).atZone(ZoneId.of("Europe/Oslo"));
        if (!six.isAfter(now)) six = now.toLocalDate().plusDays(1).atTime(6, 0).atZone(ZoneId.of("Europe/Oslo"));
        String gmt = six.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime().format(SQL_DATE);
        assertThat(column("post_status", scheduled.externalId())).isEqualTo("future");
        assertThat(column("post_date_gmt", scheduled.externalId())).isEqualTo(gmt);
        assertThat(column("post_date", scheduled.externalId())).as("06:00 Oslo as the UTC site shows it").isEqualTo(gmt);
        assertThat(scheduled.publicFrom()).isEqualTo(six.toInstant());
    }

    @Test
    void aTitleWithMarkupGetsASlugOfItsWordsAndIsShownAsText() throws Exception {
        Article hostile = article("xss0000001", "<script>alert(1)</script>Rekordår for <b>blåbær</b>");

        CmsReceipt receipt = publisher("publish").publish(hostile, null, null);

        assertThat(column("post_name", receipt.externalId())).isEqualTo("rekordar-for-blabaer");
        assertThat(column("post_title", receipt.externalId()))
                .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;Rekordår for &lt;b&gt;blåbær&lt;/b&gt;");
        assertThat(wordpress.rest("wp/v2/posts/" + receipt.externalId() + "?context=view").path("title").path("rendered").asText())
                .doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(receipt.url()).isEqualTo(wordpress.url() + "rekordar-for-blabaer/");
    }

    @Test
    void theCreditFollowsItsCaptionWhereverTheCaptionIs() throws Exception {
        Image photo = new Image("no-such-file.jpg", "Blåbærlyng", "Bær i lyngen.", "Ola Foto");
        Article inBody = article("cred000001", "Bær i lyngen", null, null, List.of(photo), List.of(
                new Block(BlockType.PARAGRAPH, "Sesongen startet tidlig."),
                new Block(BlockType.CAPTION, "Bær i lyngen."),
                new Block(BlockType.PARAGRAPH, "Plukkerne er fornøyde.")));
        Article notInBody = article("cred000002", "Tyttebær i lyngen", null, null,
                List.of(new Image("no-such-file.jpg", "Tyttebær", "Tyttebær i lyngen.", "Kari Foto")),
                List.of(new Block(BlockType.PARAGRAPH, "Tyttebærene kom sent.")));

        CmsReceipt first = publisher("publish").publish(inBody, null, null);
        CmsReceipt second = publisher("publish").publish(notInBody, null, null);

        String content = column("replace(post_content, '\\n', ' ')", first.externalId());
        assertThat(content).contains("<p>Sesongen startet tidlig.</p> <p class=\"caption\"><em>Bær i lyngen. Foto: Ola Foto</em></p>"
                + " <p>Plukkerne er fornøyde.</p>");
        assertThat(content.split("Foto: Ola Foto", -1)).as("the credit once").hasSize(2);
        assertThat(column("post_content", second.externalId())).contains("<p class=\"caption\"><em>Tyttebær i lyngen. Foto: Kari Foto</em></p>");
    }

    @Test
    void addressesOfLinksInTheTextArriveAsLinks() throws Exception {
        Article linked = article("link000001", "Flere eldre bor alene", null, null, List.of(), List.of(
                new Block(BlockType.PARAGRAPH, "SSB har lagt fram den nye rapporten (https://www.ssb.no/rapport?år=2024&del=2) om eldre."),
                new Block(BlockType.PARAGRAPH, "Spørsmål til https://www.helsedirektoratet.no/kontakt.")));

        CmsReceipt receipt = publisher("publish").publish(linked, null, null);

        String content = column("post_content", receipt.externalId());
        assertThat(content).contains("<p>SSB har lagt fram den nye rapporten (<a href=\"https://www.ssb.no/rapport?år=2024&amp;del=2\">"
                + "https://www.ssb.no/rapport?år=2024&amp;del=2</a>) om eldre.</p>");
        assertThat(content).contains("<p>Spørsmål til <a href=\"https://www.helsedirektoratet.no/kontakt\">"
                + "https://www.helsedirektoratet.no/kontakt</a>.</p>");
        assertThat(wordpress.rest("wp/v2/posts/" + receipt.externalId() + "?context=view").path("content").path("rendered").asText())
                .contains("href=\"https://www.helsedirektoratet.no/kontakt\"");
    }
}
